import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ConnectorStub } from '../support/connectorStub';
import { httpRequest, postJson } from '../support/httpClient';
import { messageActivity } from '../support/activities';

const ENTRY = join(__dirname, '..', '..', 'dist', 'src', 'index.js');

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts the compiled service as `npm start` would, with only the given environment. */
function startService(env: Record<string, string>): Running {
  const child = spawn(process.execPath, [ENTRY], {
    env: { PATH: process.env.PATH ?? '', ...env },
    cwd: join(__dirname, '..', '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** The activity log line is written just after the response: wait for it rather than race it. */
async function waitForOutput(service: Running, pattern: RegExp): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!pattern.test(service.output())) {
    if (Date.now() > deadline) throw new Error(`no ${pattern} in:\n${service.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function waitForPort(service: Running): Promise<number> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const match = /"event":"listening","port":(\d+)/.exec(service.output());
    if (match) return Number(match[1]);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`service did not start:\n${service.output()}`);
}

describe('the service as a process (npm start)', () => {
  // Run the compiled service exactly as `npm start` does: build it first if stale.
  beforeAll(() => {
    execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'build-if-stale.mjs')], { stdio: 'inherit' });
  }, 180_000);

  it('refuses to start on bad configuration with one line naming the variable', async () => {
    const service = startService({ PORT: 'eighty' });
    expect(await service.exited).toBe(1);
    expect(service.output().trim()).toBe('ipt-guide cannot start: PORT must be a port number');
  });

  it('refuses to start in production without an app ID', async () => {
    const service = startService({ NODE_ENV: 'production' });
    expect(await service.exited).toBe(1);
    expect(service.output()).toMatch(/MicrosoftAppId is required when NODE_ENV=production/);
  });

  it('refuses a non-loopback HOST with authentication off, unless ALLOW_UNAUTHENTICATED_NETWORK=true (then warns)', async () => {
    const refused = startService({ HOST: '0.0.0.0', PORT: '0' });
    expect(await refused.exited).toBe(1);
    expect(refused.output().trim()).toMatch(/^ipt-guide cannot start: HOST must be a loopback address while MicrosoftAppId is unset/);

    const allowed = startService({ HOST: '0.0.0.0', PORT: '0', ALLOW_UNAUTHENTICATED_NETWORK: 'true' });
    try {
      await waitForPort(allowed);
      expect(allowed.output()).toMatch(/"level":40,[^\n]*"event":"unauthenticated_network"/);
    } finally {
      allowed.child.kill('SIGKILL');
    }
  });

  it('answers health ("starting") while the local recogniser trains, then "ok"', async () => {
    const service = startService({ PORT: '0' });
    try {
      const port = await waitForPort(service);
      // Training runs in a worker thread: the server answers at once instead of after training.
      const first = await httpRequest(`http://127.0.0.1:${port}/healthz`);
      expect(first.status).toBe(503);
      expect(first.json()).toMatchObject({ status: 'starting' });
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
    const service = startService({
      NODE_ENV: 'production',
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: 'tenant',
      CLINIC_NAME: 'Riverside Clinic',
      CLINIC_HOURS: 'Mon-Fri 09:00-17:00',
    });
    expect(await service.exited).toBe(1);
    const lines = service.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ipt-guide cannot start: CLINIC_PHONE is required when NODE_ENV=production \(or set CLINIC_EMAIL\)/);
  });

  it('starts, answers, keeps message text out of the logs, and exits 0 on SIGTERM', async () => {
    const connector = new ConnectorStub();
    const serviceUrl = await connector.start();
    const service = startService({ PORT: '0', LOG_LEVEL: 'debug' });
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
    const service = startService({ PORT: '0', LOG_LEVEL: 'debug', LOG_MESSAGE_TEXT: 'true' });
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
