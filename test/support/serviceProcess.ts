import { spawn, type ChildProcess } from 'node:child_process';
import { httpRequest, type HttpResult } from './httpClient';

/** The compiled service running as a child process, with its combined output. */
export interface RunningService {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** Signals the whole process group, so a wrapper (npm start) never leaves the service behind. */
  kill: (signal: NodeJS.Signals) => void;
}

/** Starts `command args` (the service's entry) with only PATH and the given environment. */
export function startService(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string> },
): RunningService {
  const child = spawn(command, args, {
    env: { PATH: process.env.PATH ?? '', ...options.env },
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const kill = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  return { child, output: () => output, exited, kill };
}

/** Waits for a line in the output (log lines are written just after the response: never race them). */
export async function waitForOutput(service: RunningService, pattern: RegExp, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(service.output())) {
    if (Date.now() > deadline) throw new Error(`no ${pattern} in:\n${service.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function waitForPort(service: RunningService, timeoutMs = 20_000): Promise<number> {
  await waitForOutput(service, /"event":"listening","port":(\d+)/, timeoutMs);
  return Number(/"event":"listening","port":(\d+)/.exec(service.output())![1]);
}

/** /healthz says 503 "starting" until the local recogniser has trained, then 200. */
export async function waitUntilHealthy(port: number, timeoutMs = 30_000): Promise<HttpResult> {
  const deadline = Date.now() + timeoutMs;
  let health = await httpRequest(`http://127.0.0.1:${port}/healthz`);
  while (health.status === 503 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    health = await httpRequest(`http://127.0.0.1:${port}/healthz`);
  }
  return health;
}
