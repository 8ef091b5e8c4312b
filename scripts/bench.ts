/**
 * npm run bench: prints the service's speed and memory figures against its targets. Figures, not
 * tests: a noisy machine changes them, so nothing here fails a build. Flags:
 *   --soak [--conversations 200] [--seconds 300]   only the soak run
 *   --long                                           only the long-message worst case
 *   --quick                                          shorter runs, for a smoke check
 *   --storage                                        only the storage figures (transcripts, Blob state)
 *   --turns                                          only the in-process turns (dialog and middleware cost)
 *   --risk                                           only the safety detector and local recogniser figures
 *   --http [--rounds 3]                              only the HTTP throughput (echo, core bot, ipt-guide, alternating)
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { buildBot } from '../src/app';
import { createOnTurnError } from '../bots/onTurnError';
import { createTrainedLocalRecognizer } from '../src/language';
import { createQuestionAnswerer } from '../src/language/questionAnswerer';
import { benchmarkDetectRisk } from './lib/benchmarkDetectRisk';
import { everydayMessages, pasteOf, variedPaste } from './lib/pastes';
import { sharedRiskDetector } from '../src/safety/detectRisk';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Azurite } from './lib/azurite';
import { PROJECT_ROOT } from '../src/projectRoot';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const quick = flag('quick');

const SAMPLE_MESSAGES = [
  'what is interpersonal therapy',
  'how many sessions does ipt take',
  'can i refer myself on the nhs',
  'is ipt right for me',
  'my mum died last year and i cannot cope with it',
  'we argue all the time and i feel low',
  'how do i find a private therapist',
  'does it work better than cbt',
];

/** The safety evaluation's messages of chat length (up to 160 characters): typical input. */
function typicalMessages(): string[] {
  const dir = join(__dirname, '..', '..', 'test', 'safety', 'eval');
  return ['risk.jsonl', 'benign.jsonl']
    .flatMap((file) => readFileSync(join(dir, file), 'utf8').split('\n'))
    .filter((row) => row.trim() !== '')
    .map((row) => (JSON.parse(row) as { text: string }).text)
    .filter((text) => text.length <= 160);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function line(label: string, value: string, target?: string, ok?: boolean): void {
  const verdict = target ? `  target ${target}${ok === undefined ? '' : ok ? '  ok' : '  MISSED'}` : '';
  console.log(`  ${label.padEnd(46)} ${value}${verdict}`);
}

/** Memory of the bot process, measured by itself after a full garbage collection. */
function memoryOf(child: ChildProcess): Promise<NodeJS.MemoryUsage> {
  return new Promise((resolve) => {
    const listener = (message: unknown) => {
      const memory = (message as { memory?: NodeJS.MemoryUsage }).memory;
      if (!memory) return;
      child.off('message', listener);
      resolve(memory);
    };
    child.on('message', listener);
    child.send('memory');
  });
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function inProcessTurns(): Promise<void> {
  console.log('\nIn-process turns (TestAdapter, full middleware and dialog stack)');
  const logger = createLogger('silent');
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const memory: Record<string, string> = {};
  const parts = buildBot(config, logger, { storage: new MemoryStorage(memory) });
  await parts.ready;
  const adapter = new TestAdapter((context) => parts.bot.run(context), { channelId: 'bench', locale: 'en-GB' });
  adapter.onTurnError = createOnTurnError(parts.conversationState, logger);
  for (const middleware of parts.middleware) adapter.use(middleware);

  const turn = (conversationId: string, text: string) =>
    adapter.processActivity({
      type: 'message',
      text,
      channelId: 'bench',
      locale: 'en-GB',
      conversation: { id: conversationId },
      from: { id: `user-${conversationId}` },
      recipient: { id: 'bot' },
    } as Partial<Activity>);

  const warm = quick ? 200 : 1000;
  for (let i = 0; i < warm; i++) await turn(`warm-${i}`, SAMPLE_MESSAGES[i % SAMPLE_MESSAGES.length]);

  const samples: number[] = [];
  // Each turn's CPU time too (the whole process's, garbage collection included): a slow turn that
  // used little CPU waited for the machine; one that used a lot was our own work.
  const cpuSamples: number[] = [];
  const runs = quick ? 1000 : 5000;
  const cpu = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const cpuStarted = process.cpuUsage();
    await turn(`lat-${i}`, SAMPLE_MESSAGES[i % SAMPLE_MESSAGES.length]);
    const used = process.cpuUsage(cpuStarted);
    // A real adapter sends its replies away; the TestAdapter keeps every one, and thousands of kept
    // replies made the collector's old-generation work part of the turns' CPU tail.
    adapter.activeQueue.length = 0;
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    cpuSamples.push((used.user + used.system) / 1000);
  }
  // CPU time moves less than wall time when other processes share the machine: compare code with it.
  const { user, system } = process.cpuUsage(cpu);
  const waited = samples.filter((wall, i) => wall >= 10 && cpuSamples[i] < wall / 2).length;
  samples.sort((a, b) => a - b);
  cpuSamples.sort((a, b) => a - b);
  line('turn CPU time, mean', `${((user + system) / 1000 / runs).toFixed(3)} ms`);
  line('turn CPU time p50 / p99', `${percentile(cpuSamples, 50).toFixed(2)} / ${percentile(cpuSamples, 99).toFixed(2)} ms`, '< 10 ms', percentile(cpuSamples, 99) < 10);
  line('turn latency p50', `${percentile(samples, 50).toFixed(2)} ms`);
  line('turn latency p99', `${percentile(samples, 99).toFixed(2)} ms`, '< 10 ms', percentile(samples, 99) < 10);
  line('turns of 10 ms or more that used under half of it in CPU', `${waited} of ${runs} (waiting for the machine, not working)`);

  console.log('\nMemory: 10,000 distinct conversations, one turn each (memory storage; transcripts kept in memory too, so growth includes them)');
  for (const key of Object.keys(memory)) delete memory[key];
  adapter.activeQueue.length = 0;
  global.gc?.();
  const before = process.memoryUsage();
  for (let i = 0; i < 10_000; i++) await turn(`mem-${i}`, SAMPLE_MESSAGES[i % SAMPLE_MESSAGES.length]);
  adapter.activeQueue.length = 0;
  global.gc?.();
  const after = process.memoryUsage();
  const conversationKeys = Object.keys(memory).filter((key) => key.includes('/conversations/'));
  const stateBytes = conversationKeys.reduce((sum, key) => sum + Buffer.byteLength(memory[key]), 0);
  const perConversation = stateBytes / Math.max(1, conversationKeys.length);
  line('resident memory after 10,000 conversations', mb(after.rss));
  line('growth over those conversations (rss / heap)', `${mb(after.rss - before.rss)} / ${mb(after.heapUsed - before.heapUsed)}`);
  line('state kept per idle conversation', `${perConversation.toFixed(0)} bytes`, '< 4 KB', perConversation < 4096);
  if (!global.gc) console.log('  (run with node --expose-gc for steadier memory figures; npm run bench does)');
}

/** p50/p99 of in-process turns (TestAdapter, full stack) over 50 conversations, for one storage set-up. */
async function turnCost(label: string, env: Record<string, string>): Promise<void> {
  const logger = createLogger('silent');
  const parts = buildBot(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env }), logger);
  await parts.ready;
  await parts.persistence.ready;
  const adapter = new TestAdapter((context) => parts.bot.run(context), { channelId: 'bench', locale: 'en-GB' });
  adapter.onTurnError = createOnTurnError(parts.conversationState, logger);
  for (const middleware of parts.middleware) adapter.use(middleware);
  const turn = (i: number) =>
    adapter.processActivity({
      type: 'message',
      text: SAMPLE_MESSAGES[i % SAMPLE_MESSAGES.length],
      channelId: 'bench',
      locale: 'en-GB',
      conversation: { id: `storage-${i % 50}` },
      from: { id: `user-${i % 50}` },
      recipient: { id: 'bot' },
    } as Partial<Activity>);
  for (let i = 0; i < (quick ? 100 : 300); i++) await turn(i);
  const samples: number[] = [];
  const runs = quick ? 300 : 1500;
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await turn(i);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    adapter.activeQueue.length = 0;
  }
  samples.sort((a, b) => a - b);
  line(label, `p50 ${percentile(samples, 50).toFixed(2)} ms, p99 ${percentile(samples, 99).toFixed(2)} ms`);
  await parts.persistence.close();
}

/** What transcripts and shared state add to a turn: memory, a local data folder, Blob Storage on Azurite. */
async function storageTurns(): Promise<void> {
  console.log('\nStorage: a turn with transcripts and state where production keeps them (in process, 50 conversations)');
  const dataDir = mkdtempSync(join(tmpdir(), 'ipt-bench-data-'));
  const azurite = new Azurite();
  try {
    await turnCost('memory state, memory transcripts (baseline)', { TRANSCRIPT_STORE: 'memory' });
    await turnCost('memory state, file transcripts (default)', { TRANSCRIPT_STORE: 'file', DATA_DIR: dataDir });
    await azurite.start();
    const blob = { AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString };
    await turnCost('Blob state on Azurite, file transcripts', { ...blob, STORAGE: 'blob', TRANSCRIPT_STORE: 'file', DATA_DIR: dataDir });
    await turnCost('Blob state and Blob transcripts on Azurite', { ...blob, STORAGE: 'blob', TRANSCRIPT_STORE: 'blob' });
  } finally {
    await azurite.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function detectorAndRecogniser(): Promise<void> {
  console.log('\nSafety detector and local recogniser');
  const typical = typicalMessages();
  const risk = benchmarkDetectRisk(typical, quick ? 3 : 20);
  line(`detectRisk mean per typical message (${typical.length})`, `${risk.meanMicros.toFixed(1)} µs`, '< 50 µs', risk.meanMicros < 50);
  line('detectRisk p99 per message (fastest run each)', `${risk.p99Micros.toFixed(1)} µs`);
  // A 100 KB paste with one risk sentence in the middle: every word is read, at bounded cost.
  const filler = 'We talked about my sessions and my week at work, and it went fine. ';
  const half = filler.repeat(Math.ceil(50_000 / filler.length));
  const big = benchmarkDetectRisk([`${half}I want to kill myself. ${half}`], quick ? 3 : 10);
  line('detectRisk on a 100 KB message, risk in the middle', `${(big.meanMicros / 1000).toFixed(2)} ms`, '< 20 ms', big.meanMicros < 20_000);
  // Without risk every window also goes through the statistical backstop: the worst case.
  const benign = benchmarkDetectRisk([`${half}${half}`], quick ? 3 : 10);
  line('detectRisk on a 100 KB message without risk', `${(benign.meanMicros / 1000).toFixed(2)} ms`, '< 20 ms', benign.meanMicros < 20_000);
  // The repeated filler above is read once a sentence; 100 KB of different everyday messages (the
  // fresh batches' benign lines) is what a real paste costs: every window through every rule.
  const varied = benchmarkDetectRisk([variedPaste(100_000)], quick ? 2 : 5);
  line('detectRisk on 100 KB of different messages', `${(varied.meanMicros / 1000).toFixed(2)} ms`, '< 20 ms', varied.meanMicros < 20_000);
  // The same, one English message a line and nothing found: every window and sentence also goes
  // through the other-person reading and the statistical backstop (the worst case).
  const detector = sharedRiskDetector();
  const everyday = pasteOf(everydayMessages(100_000, (text) => detector.detect(text), (text) => detector.identifyLanguage(text) === undefined));
  const noRisk = benchmarkDetectRisk([everyday], quick ? 2 : 5);
  line('detectRisk on 100 KB of everyday messages, no risk', `${(noRisk.meanMicros / 1000).toFixed(2)} ms`, '< 20 ms', noRisk.meanMicros < 20_000);

  const trainStart = process.hrtime.bigint();
  const recognizer = await createTrainedLocalRecognizer();
  const trainMs = Number(process.hrtime.bigint() - trainStart) / 1e6;
  line('local recogniser training at start-up', `${trainMs.toFixed(0)} ms`, '< 5000 ms', trainMs < 5000);
  const runs = quick ? 500 : 5000;
  const started = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) await recognizer.recognize(SAMPLE_MESSAGES[i % SAMPLE_MESSAGES.length], 'en-GB');
  const perMessage = Number(process.hrtime.bigint() - started) / 1e6 / runs;
  line('local recognition per message', `${perMessage.toFixed(3)} ms`, '< 2 ms', perMessage < 2);

  const matcherStart = process.hrtime.bigint();
  const matcher = createQuestionAnswerer().matcher();
  const matcherTrainMs = Number(process.hrtime.bigint() - matcherStart) / 1e6;
  line('question matcher training at start-up', `${matcherTrainMs.toFixed(0)} ms`, '< 5000 ms', matcherTrainMs < 5000);
  const matchStarted = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) matcher.match(SAMPLE_MESSAGES[i % SAMPLE_MESSAGES.length]);
  const perMatch = Number(process.hrtime.bigint() - matchStarted) / 1e6 / runs;
  line('question matching per message', `${perMatch.toFixed(3)} ms`, '< 2 ms', perMatch < 2);
}

/** The worst case for per-message cost: 99,000 characters of words no model or word list knows. */
function longMessageOfNewWords(seed: number, chars = 99_000): string {
  const words: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i += 1) {
    const word = `qz${seed.toString(36)}x${i.toString(36)}vek`;
    words.push(word);
    length += word.length + 1;
  }
  return words.join(' ').slice(0, chars);
}

/** Times one HTTP request on loopback, in ms. */
function timedRequest(url: string, body?: string): Promise<number> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: body ? 'POST' : 'GET', headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
      res.resume();
      res.on('end', () => resolve(Number(process.hrtime.bigint() - started) / 1e6));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function longMessages(): Promise<void> {
  console.log('\nLong messages: 99,000 characters of new words (the worst case)');
  const logger = createLogger('silent');
  const recognizer = await createTrainedLocalRecognizer();
  const parts = buildBot(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), logger, { recognizer });
  await parts.ready;
  const adapter = new TestAdapter((context) => parts.bot.run(context), { channelId: 'bench', locale: 'en-GB' });
  for (const middleware of parts.middleware) adapter.use(middleware);
  const runs = quick ? 10 : 40;
  const turns: number[] = [];
  const recognition: number[] = [];
  for (let i = 0; i < runs; i++) {
    const text = longMessageOfNewWords(i);
    let started = process.hrtime.bigint();
    await recognizer.recognize(text, 'en-GB');
    recognition.push(Number(process.hrtime.bigint() - started) / 1e6);
    started = process.hrtime.bigint();
    await adapter.processActivity({
      type: 'message', text, channelId: 'bench', locale: 'en-GB',
      conversation: { id: `long-${i}` }, from: { id: `user-${i}` }, recipient: { id: 'bot' },
    } as Partial<Activity>);
    turns.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  turns.sort((a, b) => a - b);
  recognition.sort((a, b) => a - b);
  line('local recognition, p50 / worst', `${percentile(recognition, 50).toFixed(1)} / ${recognition[recognition.length - 1].toFixed(1)} ms`);
  line('whole turn (safety gate included), p50 / worst', `${percentile(turns, 50).toFixed(1)} / ${turns[turns.length - 1].toFixed(1)} ms`);

  // Four senders of long messages over HTTP while health is polled: is the event loop still free?
  const sink = await startConnectorSink();
  const bot = await startBotProcess('ipt');
  const base = `http://127.0.0.1:${bot.port}`;
  const until = Date.now() + (quick ? 3_000 : 10_000);
  let sent = 0;
  const sender = async (id: number) => {
    while (Date.now() < until) {
      await timedRequest(`${base}/api/messages`, activityBody(sink.url, 9_000 + id, longMessageOfNewWords(id * 1_000 + sent++)));
    }
  };
  const health: number[] = [];
  const poller = async () => {
    while (Date.now() < until) {
      health.push(await timedRequest(`${base}/healthz`));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  await Promise.all([sender(1), sender(2), sender(3), sender(4), poller()]);
  bot.child.kill('SIGTERM');
  sink.server.close();
  health.sort((a, b) => a - b);
  line('4 senders: long messages answered', `${sent}`);
  line('4 senders: /healthz p50 / p99 / worst', `${percentile(health, 50).toFixed(1)} / ${percentile(health, 99).toFixed(1)} / ${health[health.length - 1].toFixed(1)} ms`);
}

/** Counts the bot's replies; stands in for the Bot Connector on loopback. */
async function startConnectorSink(): Promise<{ url: string; server: Server; count: () => number }> {
  let replies = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      replies += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"1"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, count: () => replies };
}

async function startBotProcess(mode: 'ipt' | 'echo'): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(join(__dirname, 'bench', 'benchServer.js'), [mode], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: ['--expose-gc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { child, port };
}

/**
 * The team's core-bot-shaped reference bot (../shared/bench/corebot.cjs: state on MemoryStorage, a
 * waterfall of prompts, state saved every turn), the floor the issue asks ipt-guide to beat.
 */
const COREBOT = join(PROJECT_ROOT, '..', 'shared', 'bench', 'corebot.cjs');

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function startCorebot(): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const child = spawn(process.execPath, [COREBOT], { cwd: PROJECT_ROOT, env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 100; i += 1) {
    const ok = await new Promise<boolean>((resolve) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/healthz' }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on('error', () => resolve(false));
      req.end();
    });
    if (ok) return { child, port };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGTERM');
  throw new Error('the core bot did not start');
}

function activityBody(serviceUrl: string, conversation: number, text: string): string {
  return JSON.stringify({
    type: 'message',
    id: `m-${conversation}-${Date.now()}`,
    // Web Chat's channel: the Emulator's would add trace deliveries no production channel gets.
    channelId: 'webchat',
    serviceUrl,
    from: { id: `user-${conversation}` },
    recipient: { id: 'bot' },
    conversation: { id: `bench-${conversation}` },
    locale: 'en-GB',
    text,
  });
}

async function load(port: number, serviceUrl: string, connections: number, seconds: number, conversations: number, overallRate?: number) {
  let n = 0;
  return autocannon({
    url: `http://127.0.0.1:${port}/api/messages`,
    connections,
    duration: seconds,
    ...(overallRate ? { overallRate } : {}),
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          n += 1;
          return { ...request, body: activityBody(serviceUrl, n % conversations, SAMPLE_MESSAGES[n % SAMPLE_MESSAGES.length]) };
        },
      },
    ],
  });
}

/**
 * CPU time a process has used, in ms, from /proc (Linux); undefined elsewhere. On a shared machine
 * CPU per request moves far less with other processes' load than requests per second do.
 */
function cpuMsOf(pid: number | undefined): number | undefined {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return undefined;
  // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100 a second).
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function httpThroughput(): Promise<void> {
  const rounds = option('rounds', quick ? 1 : 3);
  console.log(`\nHTTP throughput: POST /api/messages on loopback, replies to a loopback connector (${rounds} round${rounds === 1 ? '' : 's'}, bots alternating)`);
  const sink = await startConnectorSink();
  const seconds = quick ? 3 : 10;
  const modes = existsSync(COREBOT) ? (['echo', 'corebot', 'ipt'] as const) : (['echo', 'ipt'] as const);
  const rates: Record<string, number[]> = {};
  const cpu: Record<string, number[]> = {};
  for (let round = 1; round <= rounds; round += 1) {
    for (const mode of modes) {
      const bot = mode === 'corebot' ? await startCorebot() : await startBotProcess(mode);
      await load(bot.port, sink.url, 20, 1, 500);
      const cpuBefore = cpuMsOf(bot.child.pid);
      const result = await load(bot.port, sink.url, 20, seconds, 500);
      const cpuAfter = cpuMsOf(bot.child.pid);
      const perRequest = cpuBefore !== undefined && cpuAfter !== undefined ? (cpuAfter - cpuBefore) / Math.max(1, result.requests.total) : undefined;
      (rates[mode] ??= []).push(result.requests.average);
      if (perRequest !== undefined) (cpu[mode] ??= []).push(perRequest);
      const errors = result.errors + result.non2xx + result.timeouts;
      const cpuText = perRequest === undefined ? '' : `, ${perRequest.toFixed(2)} ms CPU a request`;
      line(`${mode} bot requests/s (p99 latency)`, `${result.requests.average.toFixed(0)} (${result.latency.p99} ms)${cpuText}, errors ${errors}`);
      bot.child.kill('SIGTERM');
    }
  }
  // Ratios are taken within a round (the machine's load moves between rounds), then the median.
  const ratios = (other: string) => rates.ipt.map((ipt, i) => ipt / rates[other][i]);
  const range = (values: number[]) => `${(Math.min(...values) * 100).toFixed(0)}-${(Math.max(...values) * 100).toFixed(0)}%`;
  const echo = ratios('echo');
  line('ipt-guide / echo throughput (median, range)', `${(median(echo) * 100).toFixed(0)}% (${range(echo)})`, '>= 70%', median(echo) >= 0.7);
  if (rates.corebot) {
    const core = ratios('corebot');
    line('ipt-guide / core bot throughput (median, range)', `${(median(core) * 100).toFixed(0)}% (${range(core)})`, '> 100%', median(core) > 1);
    if (cpu.ipt?.length === rounds && cpu.corebot?.length === rounds) {
      const cpuRatios = cpu.corebot.map((core, i) => core / cpu.ipt[i]);
      line('core bot / ipt-guide CPU a request (median, range)', `${(median(cpuRatios) * 100).toFixed(0)}% (${range(cpuRatios)})`, '> 100%', median(cpuRatios) > 1);
    }
  }
  sink.server.close();
}

/**
 * People pause between messages; a soak paces each conversation at one message every
 * SOAK_SECONDS_BETWEEN_MESSAGES (far busier than real users), where the throughput run above
 * sends as fast as the server answers.
 */
const SOAK_SECONDS_BETWEEN_MESSAGES = 2;

async function soak(conversations: number, seconds: number): Promise<void> {
  const rate = Math.max(1, Math.round(conversations / SOAK_SECONDS_BETWEEN_MESSAGES));
  console.log(`\nSoak: ${conversations} concurrent conversations for ${seconds} s over HTTP, ${rate} messages/s in all`);
  const sink = await startConnectorSink();
  const bot = await startBotProcess('ipt');
  const warmup = Math.min(30, Math.max(5, Math.floor(seconds / 10)));
  await load(bot.port, sink.url, conversations, warmup, conversations, rate);
  const start = await memoryOf(bot.child);
  const result = await load(bot.port, sink.url, conversations, seconds, conversations, rate);
  const end = await memoryOf(bot.child);
  const errors = result.errors + result.non2xx + result.timeouts;
  line('requests', `${result.requests.total} (${result.requests.average.toFixed(0)}/s, p99 ${result.latency.p99} ms)`);
  line('errors (transport, non-2xx, timeouts)', String(errors), '0', errors === 0);
  line('resident memory after warm-up -> end', `${mb(start.rss)} -> ${mb(end.rss)}`);
  line('heap after full GC, warm-up -> end', `${mb(start.heapUsed)} -> ${mb(end.heapUsed)}`);
  const growth = (end.heapUsed - start.heapUsed) / start.heapUsed;
  line('heap growth after warm-up', `${(growth * 100).toFixed(1)}%`, '< 5%', growth < 0.05);
  bot.child.kill('SIGTERM');
  sink.server.close();
}

async function main(): Promise<void> {
  console.log(`ipt-guide benchmark (node ${process.version}, ${quick ? 'quick' : 'full'} run)`);
  if (flag('soak')) {
    await soak(option('conversations', 200), option('seconds', 300));
  } else if (flag('long')) {
    await longMessages();
  } else if (flag('storage')) {
    await storageTurns();
  } else if (flag('turns')) {
    await inProcessTurns();
  } else if (flag('risk')) {
    await detectorAndRecogniser();
  } else if (flag('http')) {
    await httpThroughput();
  } else {
    await detectorAndRecogniser();
    await longMessages();
    await inProcessTurns();
    await storageTurns();
    await httpThroughput();
    await soak(quick ? 50 : 200, quick ? 10 : 30);
    console.log('\nFor the 5-minute soak target: npm run bench -- --soak --conversations 200 --seconds 300');
  }
}

void main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
