import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTeamsPackage, renderManifest, teamsPackageEnv } from '../../scripts/teams-package';

const values = {
  MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
  TEAMS_APP_ID: '66666666-7777-8888-9999-000000000000',
  CLINIC_NAME: 'Example Clinic',
  CLINIC_URL: 'https://clinic.example',
  PRIVACY_URL: 'https://clinic.example/privacy',
  TERMS_URL: 'https://clinic.example/terms',
};

function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('Teams app package', () => {
  const manifest = JSON.parse(renderManifest(values));

  it('fills every placeholder and meets the manifest rules Teams enforces', () => {
    expect(JSON.stringify(manifest)).not.toMatch(/\{\{/);
    expect(manifest.id).toBe(values.TEAMS_APP_ID);
    expect(manifest.bots[0].botId).toBe(values.MicrosoftAppId);
    expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full.length).toBeLessThanOrEqual(4000);
    expect(manifest.description.full).toMatch(/not an emergency service/);
    for (const field of ['name', 'websiteUrl', 'privacyUrl', 'termsOfUseUrl']) expect(manifest.developer[field]).toBeTruthy();
  });

  it('refuses values Teams would reject', () => {
    expect(teamsPackageEnv.safeParse({ ...values, MicrosoftAppId: 'abc' }).success).toBe(false);
    expect(teamsPackageEnv.safeParse({ ...values, PRIVACY_URL: 'http://clinic.example' }).success).toBe(false);
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
    expect(pngSize(unzip('color.png'))).toEqual([192, 192]);
    expect(pngSize(unzip('outline.png'))).toEqual([32, 32]);
    expect(JSON.parse(unzip('manifest.json').toString()).id).toBe(values.TEAMS_APP_ID);
  });
});
