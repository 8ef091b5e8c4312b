import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crisisRouteTable, parseCrisisRoutes, routeNotesFor, routesFor, type RouteQuery } from '../../src/safety/crisisRoutes';
import { crisisRoutesText, routeLine } from '../../src/safety/crisisRoutesText';
import { t } from '../../src/content/i18n';
import { LOCALES_DIR } from '../../src/projectRoot';
import { AGE_GROUPS, NATIONS } from '../../src/profile';
import type { RiskCategory } from '../../src/safety/types';

const CATEGORIES: RiskCategory[] = ['suicide', 'self_harm', 'medical', 'harm_to_others', 'abuse', 'danger'];
const rawFile = (): Record<string, unknown> => JSON.parse(readFileSync(join(LOCALES_DIR, 'en-GB', 'crisis-routes.json'), 'utf8'));
const ids = (query: RouteQuery) => routesFor(query).map((route) => route.id);
const base: RouteQuery = { category: 'suicide', severity: 'immediate' };

describe('crisis routes data file', () => {
  it('carries a lastChecked date and source notes', () => {
    const file = rawFile();
    expect(file.lastChecked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Array.isArray(file.sources) && (file.sources as string[]).join(' ')).toContain('uk-routes.md');
  });

  it('holds the checked numbers from the reference, and each tel: uri dials the shown number', () => {
    const table = crisisRouteTable();
    const expected: Record<string, string> = {
      emergency: '999',
      samaritans: '116 123',
      shout: '85258',
      nhs111_england: '111',
      nhs111_wales: '111',
      nhs24_scotland: '111',
      lifeline_ni: '0808 808 8000',
      papyrus: '0800 068 4141',
      childline: '0800 1111',
      domestic_abuse_england: '0808 2000 247',
      breathing_space: '0800 83 85 87',
      samaritans_email: 'jo@samaritans.org',
    };
    for (const [id, value] of Object.entries(expected)) {
      expect(table.routes.get(id)?.value).toBe(value);
    }
    for (const route of table.routes.values()) {
      if (route.kind === 'phone') expect(route.uri).toBe(`tel:${route.value.replace(/\s/g, '')}`);
    }
    expect(table.routes.get('shout')).toMatchObject({ kind: 'sms', body: 'SHOUT', uri: 'sms:85258?&body=SHOUT' });
    expect(table.routes.get('samaritans_email')).toMatchObject({ kind: 'email', uri: 'mailto:jo@samaritans.org' });
  });

  it('never shows the medium-confidence CALL helpline number (either version)', () => {
    const text = readFileSync(join(LOCALES_DIR, 'en-GB', 'crisis-routes.json'), 'utf8');
    expect(text).not.toMatch(/0800 ?13[27] ?737|81066/);
    const shown = [...crisisRouteTable().routes.values()].map((route) => route.value).join(' ');
    expect(shown).not.toMatch(/737/);
  });

  it('has copy (name, description, button title) for every route', () => {
    for (const route of crisisRouteTable().routes.values()) {
      for (const key of [route.nameKey, route.descriptionKey, route.actionKey]) {
        expect(t('en-GB', key, { value: route.value, body: route.body ?? '' }).length).toBeGreaterThan(0);
      }
    }
  });

  it('rejects a file whose order names a route that does not exist, whose tap target differs from the shown number, or that does not start with 999', () => {
    const broken = rawFile();
    (broken.order as { everyone: string[] }).everyone.push('made_up_line');
    expect(() => parseCrisisRoutes(broken)).toThrow(/unknown route made_up_line/);
    const mismatched = rawFile();
    (mismatched.routes as Array<{ id: string; uri: string }>).find((route) => route.id === 'samaritans')!.uri = 'tel:116132';
    expect(() => parseCrisisRoutes(mismatched)).toThrow(/samaritans uri tel:116132 does not match/);
    const reordered = rawFile();
    (reordered.order as { first: string[] }).first = ['samaritans'];
    expect(() => parseCrisisRoutes(reordered)).toThrow(/999 must come first/);
  });
});

describe('routesFor', () => {
  it('puts 999 first for every category, severity, nation and age group', () => {
    for (const category of CATEGORIES) {
      for (const nation of [...NATIONS, undefined]) {
        for (const ageGroup of [...AGE_GROUPS, undefined]) {
          for (const severity of ['immediate', 'concern'] as const) {
            const routes = routesFor({ category, severity, nation, ageGroup });
            expect(routes[0].id).toBe('emergency');
            expect(routes.map((r) => r.id)).toEqual(expect.arrayContaining(['samaritans', 'shout']));
            expect(new Set(routes.map((r) => r.id)).size).toBe(routes.length);
          }
        }
      }
    }
  });

  it('gives each nation its own urgent mental health line, second', () => {
    expect(ids({ ...base, nation: 'england', ageGroup: '35_plus' })).toEqual(['emergency', 'nhs111_england', 'samaritans', 'shout', 'samaritans_email']);
    expect(ids({ ...base, nation: 'wales', ageGroup: '35_plus' })).toEqual(['emergency', 'nhs111_wales', 'samaritans', 'shout', 'samaritans_email']);
    expect(ids({ ...base, nation: 'scotland', ageGroup: '35_plus' })).toEqual([
      'emergency', 'nhs24_scotland', 'samaritans', 'shout', 'breathing_space', 'samaritans_email',
    ]);
    expect(ids({ ...base, nation: 'northern_ireland', ageGroup: '35_plus' })).toEqual(['emergency', 'lifeline_ni', 'samaritans', 'shout', 'samaritans_email']);
  });

  it('gives every nation\'s urgent line when the nation is not known', () => {
    expect(ids({ ...base, ageGroup: '35_plus' })).toEqual(['emergency', 'nhs111_any', 'lifeline_ni', 'samaritans', 'shout', 'samaritans_email']);
  });

  it('adds Childline and Papyrus for under-18s, Papyrus for 18 to 34, neither for 35 and over, both when age is not known', () => {
    expect(ids({ ...base, nation: 'england', ageGroup: 'under_18' })).toEqual([
      'emergency', 'nhs111_england', 'samaritans', 'shout', 'childline', 'papyrus', 'samaritans_email',
    ]);
    expect(ids({ ...base, nation: 'england', ageGroup: '18_to_34' })).toEqual(['emergency', 'nhs111_england', 'samaritans', 'shout', 'papyrus', 'samaritans_email']);
    expect(ids({ ...base, nation: 'england', ageGroup: '35_plus' })).not.toEqual(expect.arrayContaining(['childline']));
    expect(ids({ ...base, nation: 'england', ageGroup: '35_plus' })).not.toEqual(expect.arrayContaining(['papyrus']));
    expect(ids({ ...base, nation: 'england' })).toEqual(expect.arrayContaining(['childline', 'papyrus']));
  });

  it('adds the National Domestic Abuse Helpline for abuse in England (and when the nation is unknown), with a note elsewhere', () => {
    const abuse: RouteQuery = { category: 'abuse', severity: 'concern', ageGroup: '35_plus' };
    expect(ids({ ...abuse, nation: 'england' })).toEqual(['emergency', 'nhs111_england', 'samaritans', 'shout', 'domestic_abuse_england', 'samaritans_email']);
    expect(ids(abuse)).toContain('domestic_abuse_england');
    for (const nation of ['wales', 'scotland', 'northern_ireland'] as const) {
      expect(ids({ ...abuse, nation })).not.toContain('domestic_abuse_england');
      expect(routeNotesFor({ ...abuse, nation })).toEqual(['safety:notes.abuseOutsideEngland']);
    }
    expect(routeNotesFor({ ...abuse, nation: 'england' })).toEqual([]);
    expect(ids({ ...base, nation: 'england' })).not.toContain('domestic_abuse_england');
  });
});

describe('crisisRoutesText', () => {
  it('renders every number in plain text, 999 first', () => {
    const text = crisisRoutesText('en-GB', { category: 'suicide', severity: 'immediate', nation: 'wales', ageGroup: 'under_18' });
    const order = ['999', '111', '116 123', 'SHOUT to 85258', '0800 1111', '0800 068 4141'];
    let last = -1;
    for (const needle of order) {
      const at = text.indexOf(needle);
      expect(at).toBeGreaterThan(last);
      last = at;
    }
    expect(text).toContain('Press 2');
    expect(text).not.toMatch(/[<>{}]/);
  });

  it('falls back to en-GB for a locale without its own routes file', () => {
    expect(crisisRoutesText('fr-FR', { category: 'danger', severity: 'concern' })).toContain('116 123');
  });

  it('writes one readable line per route kind', () => {
    const table = crisisRouteTable();
    expect(routeLine('en-GB', table.routes.get('samaritans')!)).toBe('Samaritans: call 116 123. Free, any time.');
    expect(routeLine('en-GB', table.routes.get('shout')!)).toBe('Shout: text SHOUT to 85258. Any time.');
  });
});
