import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ConnectorStub } from '../support/connectorStub';
import { httpRequest, postJson } from '../support/httpClient';
import { messageActivity } from '../support/activities';
import { PRODUCTION_ENV } from '../support/productionEnv';
import { startService, waitForOutput, waitForPort, type RunningService } from '../support/serviceProcess';

const ROOT = join(__dirname, '..', '..');
/** `npm start`'s own command line after `node` (its flags, then dist/src/index.js). */
const START_ARGS = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start.split(' ').slice(1);

/** Starts the compiled service as `npm start` would, with only the given environment. */
function startCompiled(env: Record<string, string>): RunningService {
  return startService(process.execPath, START_ARGS, { cwd: ROOT, env });
}

describe('the service as a process (npm start)', () => {
  // Run the compiled service exactly as `npm start` does: build it first if stale.
  beforeAll(() => {
    execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'build-if-stale.mjs')], { stdio: 'inherit' });
  }, 180_000);

  it('refuses to start on bad configuration with one line naming the variable', async () => {
    const service = startCompiled({ PORT: 'eighty' });
    expect(await service.exited).toBe(1);
    expect(service.output().trim()).toBe('ipt-guide cannot start: PORT must be a port number');
  });

  it('stops with one line when the port is already in use (another copy running), not a stack trace', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const service = startCompiled({ PORT: String(port) });
      expect(await service.exited).toBe(1);
      const errors = service.output().split('\n').filter((line) => line !== '' && !line.startsWith('{') && !line.startsWith('Staff review'));
      expect(errors).toEqual([`ipt-guide failed to start: port ${port} is already in use (is ipt-guide already running?): stop the other program, or set PORT to a free port`]);
    } finally {
      taken.close();
    }
  });

  it('refuses to start in production without an app ID', async () => {
    const service = startCompiled({ NODE_ENV: 'production' });
    expect(await service.exited).toBe(1);
    expect(service.output()).toMatch(/MicrosoftAppId is required when NODE_ENV=production/);
  });

  it('refuses a non-loopback HOST with authentication off, unless ALLOW_UNAUTHENTICATED_NETWORK=true (then warns)', async () => {
    const refused = startCompiled({ HOST: '0.0.0.0', PORT: '0' });
    expect(await refused.exited).toBe(1);
    expect(refused.output().trim()).toMatch(/^ipt-guide cannot start: HOST must be a loopback address while MicrosoftAppId is unset/);

    const allowed = startCompiled({ HOST: '0.0.0.0', PORT: '0', ALLOW_UNAUTHENTICATED_NETWORK: 'true' });
    try {
      await waitForPort(allowed);
      expect(allowed.output()).toMatch(/"level":40,[^\n]*"event":"unauthenticated_network"/);
    } finally {
      allowed.child.kill('SIGKILL');
    }
  });

  it('answers health at once after listening ("starting" while the recogniser trains, or already "ok"), then "ok"', async () => {
    const service = startCompiled({ PORT: '0' });
    try {
      const port = await waitForPort(service);
      // The recogniser trains in a worker while the question matcher trains before listening, so the
      // worker may already be done: either answer is right, as long as it comes at once
      // (test/server/health.test.ts pins 'starting' while start-up work runs).
      const first = await httpRequest(`http://127.0.0.1:${port}/healthz`);
      expect([200, 503]).toContain(first.status);
      if (first.status === 503) expect(first.json()).toMatchObject({ status: 'starting' });
      let health = first;
      for (let i = 0; i < 300 && health.status === 503; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        health = await httpRequest(`http://127.0.0.1:${port}/healthz`);
      }
      expect(health.status).toBe(200);
      expect(service.output()).not.toMatch(/nlu\.worker_failed/);
    } finally {
      service.child.kill('SIGKILL');
    }
  });

  it('refuses to start in production without the clinic\'s contact details, in one line naming the variable', async () => {
    const { CLINIC_PHONE: _phone, ...withoutContact } = PRODUCTION_ENV;
    const service = startCompiled(withoutContact);
    expect(await service.exited).toBe(1);
    const lines = service.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ipt-guide cannot start: CLINIC_PHONE is required when NODE_ENV=production \(or set CLINIC_EMAIL\)/);
  });

  it('starts, answers, keeps message text out of the logs, and exits 0 on SIGTERM', async () => {
    const connector = new ConnectorStub();
    const serviceUrl = await connector.start();
    const service = startCompiled({ PORT: '0', LOG_LEVEL: 'debug' });
    try {
      const port = await waitForPort(service);
      expect(service.output()).toMatch(/authentication is off/);
      // Listening comes first; health turns 200 once the local recogniser has trained.
      let health = await httpRequest(`http://127.0.0.1:${port}/healthz`);
      for (let i = 0; i < 200 && health.status === 503; i++) {
        expect(health.json()).toMatchObject({ status: 'starting' });
        await new Promise((resolve) => setTimeout(resolve, 100));
        health = await httpRequest(`http://127.0.0.1:${port}/healthz`);
      }
      expect(health.status).toBe(200);

      const secretPhrase = 'my neighbour Zebedee Quillfeather argues with me';
      const activity = messageActivity(serviceUrl, secretPhrase);
      expect((await postJson(`http://127.0.0.1:${port}/api/messages`, activity)).status).toBe(200);
      await connector.waitUntil(() => connector.for(activity.conversation.id, 'message').length >= 1);

      await waitForOutput(service, /"event":"activity"/);
      service.child.kill('SIGTERM');
      expect(await service.exited).toBe(0);
      expect(service.output()).toMatch(/"event":"stopped"/);
      expect(service.output()).not.toMatch(/Zebedee|Quillfeather/);
    } finally {
      service.child.kill('SIGKILL');
      await connector.stop();
    }
  });

  it('logs message text only when the operator opts in with LOG_MESSAGE_TEXT=true', async () => {
    const connector = new ConnectorStub();
    const serviceUrl = await connector.start();
    const service = startCompiled({ PORT: '0', LOG_LEVEL: 'debug', LOG_MESSAGE_TEXT: 'true' });
    try {
      const port = await waitForPort(service);
      const activity = messageActivity(serviceUrl, 'opted-in phrase Wobblewick');
      expect((await postJson(`http://127.0.0.1:${port}/api/messages`, activity)).status).toBe(200);
      await connector.waitUntil(() => connector.for(activity.conversation.id, 'message').length >= 1);
      await waitForOutput(service, /"event":"activity"/);
      expect(service.output()).toMatch(/"text":"opted-in phrase Wobblewick"/);
    } finally {
      service.child.kill('SIGKILL');
      await connector.stop();
    }
  });
});
