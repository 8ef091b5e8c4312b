/**
 * npm run teams:package: fills the Teams manifest template and writes the app package (manifest
 * and icons at the zip's root) to dist/teams/ipt-guide-teams.zip, ready to upload in Teams.
 * Values come from the environment (or .env): MicrosoftAppId, TEAMS_APP_ID, CLINIC_NAME,
 * CLINIC_URL, PRIVACY_URL, TERMS_URL.
 */
import 'dotenv/config';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { httpsUrl } from '../src/config';
import { PROJECT_ROOT } from '../src/projectRoot';
import { createZip } from './lib/zip';

const TEMPLATE_DIR = join(PROJECT_ROOT, 'deploymentTemplates', 'teams');
const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID');

export const teamsPackageEnv = z.object({
  MicrosoftAppId: guid,
  TEAMS_APP_ID: guid,
  CLINIC_NAME: z.string().min(1).max(32, 'must be at most 32 characters'),
  CLINIC_URL: httpsUrl,
  PRIVACY_URL: httpsUrl,
  TERMS_URL: httpsUrl,
});

export function renderManifest(values: z.infer<typeof teamsPackageEnv>): string {
  const template = readFileSync(join(TEMPLATE_DIR, 'manifest.template.json'), 'utf8');
  return template.replace(/\{\{(\w+)\}\}/g, (_match, name: keyof typeof values) => values[name]);
}

export function buildTeamsPackage(values: z.infer<typeof teamsPackageEnv>): Buffer {
  return createZip([
    { name: 'manifest.json', data: Buffer.from(renderManifest(values)) },
    { name: 'color.png', data: readFileSync(join(TEMPLATE_DIR, 'color.png')) },
    { name: 'outline.png', data: readFileSync(join(TEMPLATE_DIR, 'outline.png')) },
  ]);
}

if (require.main === module) {
  const parsed = teamsPackageEnv.safeParse(process.env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`teams:package: ${issue.path.join('.')} ${issue.message}`);
    process.exit(1);
  }
  const outDir = join(PROJECT_ROOT, 'dist', 'teams');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'ipt-guide-teams.zip');
  writeFileSync(file, buildTeamsPackage(parsed.data));
  console.log(`Wrote ${file}`);
}
