import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { buildTeamsPackage, renderManifest, teamsPackageEnv } from '../../scripts/teams-package';
import { PROJECT_ROOT } from '../../src/projectRoot';

const values = {
  MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
  TEAMS_APP_ID: '66666666-7777-8888-9999-000000000000',
  CLINIC_NAME: 'Example Clinic',
  CLINIC_URL: 'https://clinic.example',
  PRIVACY_URL: 'https://clinic.example/privacy',
  TERMS_URL: 'https://clinic.example/terms',
};

/**
 * Microsoft's own Teams manifest schema, offline: @microsoft/app-manifest ships every version. Its
 * entry file needs a package it does not declare (fs-extra), so the schema is read by path.
 */
function schemaFor(manifestVersion: string): object {
  const file = join(PROJECT_ROOT, 'node_modules', '@microsoft', 'app-manifest', 'build', 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
  return JSON.parse(readFileSync(file, 'utf8')) as object;
}

function validateManifest(manifest: { manifestVersion: string }): string[] {
  // The schemas are draft-04 and use keywords ajv's strict mode would reject as unknown types.
  const ajv = new Ajv({ allErrors: true, strictTypes: false, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schemaFor(manifest.manifestVersion));
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
}

/** Every string in the manifest that names a web address, with where it is. */
function urlsIn(node: unknown, path: string, out: Array<{ path: string; value: string }>): void {
  if (typeof node === 'string') {
    if (/url$/i.test(path) || /^[a-z][a-z0-9+.-]*:\/\//i.test(node) || node.startsWith('/')) out.push({ path, value: node });
  } else if (Array.isArray(node)) {
    node.forEach((item, index) => urlsIn(item, `${path}[${index}]`, out));
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) urlsIn(value, path ? `${path}.${key}` : key, out);
  }
}

function pngHeader(png: Buffer): { width: number; height: number; colourType: number } {
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colourType: png.readUInt8(25) };
}

describe('Teams app package', () => {
  const manifest = JSON.parse(renderManifest(values));

  it("validates against Microsoft's schema for its manifest version", () => {
    expect(validateManifest(manifest)).toEqual([]);
  });

  it('the schema check can fail: a wrong scope name, a long short name and a missing privacy URL are caught', () => {
    const broken = structuredClone(manifest);
    broken.bots[0].scopes = ['personal', 'groupchat'];
    broken.name.short = 'x'.repeat(31);
    delete broken.developer.privacyUrl;
    const errors = validateManifest(broken).join('\n');
    expect(errors).toMatch(/\/bots\/0\/scopes\/1/);
    expect(errors).toMatch(/\/name\/short/);
    expect(errors).toMatch(/privacyUrl/);
  });

  it('fills every placeholder; scopes match what the bot does (personal home, group chats and channels when mentioned)', () => {
    expect(JSON.stringify(manifest)).not.toMatch(/\{\{/);
    expect(manifest.id).toBe(values.TEAMS_APP_ID);
    expect(manifest.bots[0].botId).toBe(values.MicrosoftAppId);
    expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(manifest.defaultInstallScope).toBe('personal');
    // No proactive messages and no identity lookups: the bot asks for no permissions.
    expect(manifest.permissions).toBeUndefined();
    const commandScopes = manifest.bots[0].commandLists.flatMap((list: { scopes: string[] }) => list.scopes).sort();
    expect(commandScopes).toEqual(['groupChat', 'personal', 'team']);
    expect(manifest.description.full).toMatch(/not an emergency service/);
    expect(manifest.description.full).toMatch(/999/);
  });

  it('every URL is absolute https', () => {
    const urls: Array<{ path: string; value: string }> = [];
    urlsIn(manifest, '', urls);
    expect(urls.map((url) => url.path)).toEqual(expect.arrayContaining(['developer.websiteUrl', 'developer.privacyUrl', 'developer.termsOfUseUrl']));
    for (const url of urls) {
      expect({ path: url.path, https: new URL(url.value).protocol }).toEqual({ path: url.path, https: 'https:' });
    }
  });

  it('refuses values Teams would reject', () => {
    expect(teamsPackageEnv.safeParse({ ...values, MicrosoftAppId: 'abc' }).success).toBe(false);
    expect(teamsPackageEnv.safeParse({ ...values, PRIVACY_URL: 'http://clinic.example' }).success).toBe(false);
    expect(teamsPackageEnv.safeParse({ ...values, TERMS_URL: '/terms' }).success).toBe(false);
  });

  it('zips manifest.json and correctly sized icons at the root, readable by a standard unzip', () => {
    const dir = mkdtempSync(join(tmpdir(), 'teams-'));
    const zipPath = join(dir, 'app.zip');
    writeFileSync(zipPath, buildTeamsPackage(values));
    const listing = execFileSync('python3', ['-c', `
import zipfile, sys, json
z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None
print(json.dumps({n: len(z.read(n)) for n in z.namelist()}))`, zipPath]).toString();
    const files = JSON.parse(listing) as Record<string, number>;
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const unzip = (name: string) =>
      execFileSync('python3', ['-c', 'import zipfile,sys; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))', zipPath, name]);
    const colour = pngHeader(unzip('color.png'));
    const outline = pngHeader(unzip('outline.png'));
    expect([colour.width, colour.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    // The outline icon is white on transparent: it needs an alpha channel (RGBA or grey + alpha).
    expect([4, 6]).toContain(outline.colourType);
    const zipped = JSON.parse(unzip('manifest.json').toString());
    expect(zipped).toEqual(manifest);
    expect(validateManifest(zipped)).toEqual([]);
  });
});
