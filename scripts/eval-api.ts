/**
 * Scores the running bot the way an independent check does: the compiled service is started as a
 * process, and every message goes through POST /api/messages with a loopback Bot Connector stub
 * as its serviceUrl. Nothing in the bot is called directly.
 *
 *   npm run eval:api -- --safety <dir>      <b>-risk.jsonl, <b>-benign.jsonl, <b>-past.jsonl: one
 *                                           message a conversation; flagged = emergencySupport event
 *                                           or 999 / 116 123 in the replies
 *   npm run eval:api -- --scripts <file>    multi-turn scripts (JSON array; see scripts/lib/replyChecks.ts)
 *   npm run eval:api -- --answers <file>    {"text", "expected": "<question id>"} lines: one message a
 *                                           conversation; answered = the expected answer's text (any
 *                                           variant) is in the replies; offered = it is a button
 *   add --quiet to print figures only, --show <script id> (or all) to print a script's conversation,
 *   --env KEY=VALUE to configure the service, --dump <file> to write every turn's replies (events,
 *   texts and buttons) as JSON lines, to diff two builds' replies on the same sets
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, basename } from 'node:path';
import { request } from 'node:http';
import { ConnectorStub, type ReceivedActivity } from './lib/connectorStub';
import { EMERGENCY_EVENT, runCheck, sameAsBefore, viewOf, type Check, type TurnView } from './lib/replyChecks';
import { answerIdentifier } from './lib/answerIdentity';
import { loadKnowledgeBase } from '../src/content/knowledgeBase';
import { PROJECT_ROOT } from '../src/projectRoot';

interface Service {
  child: ChildProcess;
  port: number;
}

async function startService(env: Record<string, string>): Promise<Service> {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist', 'src', 'index.js')], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'info', WEBCHAT_PAGE_ENABLED: 'false', ...env },
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // Start-up loads the sentence encoder: on a busy machine that alone can pass 30 s.
  const deadline = Date.now() + Number(process.env.EVAL_START_TIMEOUT_MS ?? 120_000);
  while (Date.now() < deadline) {
    const match = /"event":"listening","port":(\d+)/.exec(output);
    if (match) {
      const port = Number(match[1]);
      await waitReady(port, deadline);
      return { child, port };
    }
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill();
  throw new Error(`the service did not start:\n${output}`);
}

function httpJson(port: number, method: string, path: string, body?: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(JSON.stringify(body));
    req.end();
  });
}

async function waitReady(port: number, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if ((await httpJson(port, 'GET', '/healthz')) === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the service never became ready');
}

export interface TurnOptions {
  channel?: string;
  conversationType?: 'personal' | 'groupChat' | 'channel';
  mentioned?: boolean;
  locale?: string;
}

const BOT = { id: '28:ipt-guide-bot', name: 'IPT Guide' };
let sequence = 0;

/** A message as Web Chat, the Emulator or Teams would post it (Teams: tenant, scope, mention, HTML copy). */
function messageFor(serviceUrl: string, conversationId: string, text: string, options: TurnOptions): Record<string, unknown> {
  const channel = options.channel ?? 'webchat';
  const base: Record<string, unknown> = {
    type: 'message',
    id: `eval-${++sequence}`,
    channelId: channel,
    serviceUrl,
    from: { id: 'eval-user', role: 'user' },
    recipient: { ...BOT, role: 'bot' },
    conversation: { id: conversationId },
    locale: options.locale ?? 'en-GB',
    timestamp: new Date().toISOString(),
    text,
  };
  if (channel !== 'msteams') return base;
  const scope = options.conversationType ?? 'personal';
  const mentionText = `<at>${BOT.name}</at>`;
  const mentioned = scope !== 'personal' && options.mentioned !== false;
  const fullText = mentioned ? `${mentionText} ${text}` : text;
  return {
    ...base,
    text: fullText,
    from: { id: '29:eval-user', name: 'Eval User', aadObjectId: '00000000-0000-4000-8000-000000000001', role: 'user' },
    conversation: { id: conversationId, conversationType: scope, tenantId: 'eval-tenant', ...(scope === 'personal' ? {} : { isGroup: true }) },
    channelData: { tenant: { id: 'eval-tenant' }, ...(scope === 'channel' ? { channel: { id: '19:eval-channel' }, team: { id: '19:eval-team' } } : {}) },
    entities: mentioned ? [{ type: 'mention', text: mentionText, mentioned: BOT }] : [],
    attachments: [{ contentType: 'text/html', content: `<div><div>${fullText}</div></div>` }],
  };
}

class Conversation {
  private readonly id = `eval-conv-${++sequence}-${Date.now()}`;
  constructor(
    private readonly port: number,
    private readonly connector: ConnectorStub,
    private readonly serviceUrl: string,
    private readonly options: TurnOptions,
  ) {}

  /** Posts one message and returns the replies the turn produced (the turn ends before the HTTP reply). */
  async say(text: string, options: TurnOptions = {}): Promise<ReceivedActivity[]> {
    const before = this.connector.for(this.id).length;
    const status = await httpJson(this.port, 'POST', '/api/messages', messageFor(this.serviceUrl, this.id, text, { ...this.options, ...options }));
    if (status >= 300) throw new Error(`/api/messages answered ${status}`);
    return this.connector.for(this.id).slice(before);
  }
}

interface RiskLine {
  text: string;
  category?: string;
  kind?: string;
}

function readJsonl<T = RiskLine>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

async function inParallel<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]);
      }
    }),
  );
  return results;
}

interface Verdict {
  event: boolean;
  safety: boolean;
}

function verdictOf(replies: ReceivedActivity[]): Verdict {
  const view = viewOf(replies);
  const event = view.events.includes(EMERGENCY_EVENT);
  return { event, safety: event || runCheck('safetyResponse', view) === undefined };
}

/** Every turn's replies, in a fixed order, when --dump names a file. */
const dumped: string[] = [];
function dump(key: unknown[], view: TurnView): void {
  dumped.push(JSON.stringify({ key, events: view.events, texts: view.texts, buttons: view.buttons }));
}

const pct = (n: number, d: number): string => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);

async function safetyReport(start: () => Conversation, dir: string, quiet: boolean, channel?: string): Promise<void> {
  const files = readdirSync(dir).filter((f) => /-(risk|benign|past)\.jsonl$/.test(f)).sort();
  console.log(`Through /api/messages${channel ? ` (${channel})` : ''}: flagged = any safety reply (emergencySupport event or 999 / 116 123); event = the event alone`);
  for (const file of files) {
    const lines = readJsonl(join(dir, file));
    const verdicts = await inParallel(lines, 6, async (line) => {
      const replies = await start().say(line.text);
      return { ...verdictOf(replies), view: viewOf(replies) };
    });
    lines.forEach((line, i) => dump([file, i, line.text], verdicts[i].view));
    const kind = /-(risk|benign|past)\.jsonl$/.exec(file)?.[1];
    const flagged = verdicts.filter((v) => v.safety).length;
    const events = verdicts.filter((v) => v.event).length;
    const label = kind === 'risk' ? 'recall' : kind === 'benign' ? 'false positives' : 'hand-offs (event) on past-and-over';
    const figure = kind === 'past' ? pct(events, lines.length) : pct(flagged, lines.length);
    console.log(`  ${basename(file).padEnd(22)} ${String(lines.length).padStart(4)}  ${label}: ${figure}  (any safety reply ${pct(flagged, lines.length)}, event ${pct(events, lines.length)})`);
    if (quiet) continue;
    lines.forEach((line, i) => {
      const v = verdicts[i];
      const miss = kind === 'risk' ? !v.safety : kind === 'benign' ? v.safety : v.event;
      if (miss) console.log(`      ${kind === 'risk' ? 'MISS' : 'FLAG'} [${line.category ?? line.kind ?? ''}] ${line.text.slice(0, 160).replace(/\s+/g, ' ')}`);
    });
  }
}

type AnswerOutcome = 'answered' | 'offered' | 'other answer' | 'no answer';

/**
 * Each practical question in a new conversation, judged by what came back: its own answer, the
 * question offered as a button ("Did you mean"), another question's answer, or no answer at all.
 */
async function answersReport(start: () => Conversation, file: string, quiet: boolean): Promise<void> {
  const all = readJsonl<{ text: string; expected: string }>(file);
  const identify = answerIdentifier(loadKnowledgeBase());
  const unknown = all.filter((line) => identify.wordingOf(line.expected) === undefined);
  if (unknown.length > 0) throw new Error(`${file}: unknown question ids ${[...new Set(unknown.map((l) => l.expected))].join(', ')}`);
  // A question a dialog answers (help, a person, the check, crisis) has no answer text to look for.
  const lines = all.filter((line) => !identify.isRouted(line.expected));
  const outcomes = await inParallel(lines, 6, async (line): Promise<{ outcome: AnswerOutcome; got: string[]; view: TurnView }> => {
    const view = viewOf(await start().say(line.text));
    const got = identify.answersIn(view.texts);
    if (got.includes(line.expected)) return { outcome: 'answered', got, view };
    if (view.buttons.includes(identify.wordingOf(line.expected) ?? '')) return { outcome: 'offered', got, view };
    return { outcome: got.length > 0 ? 'other answer' : 'no answer', got, view };
  });
  lines.forEach((line, i) => dump([basename(file), i, line.text], outcomes[i].view));
  const count = (o: AnswerOutcome) => outcomes.filter((r) => r.outcome === o).length;
  console.log(
    `${basename(file)} through /api/messages: ${lines.length} questions (${all.length - lines.length} more go to a dialog, not scored); answered ${pct(count('answered'), lines.length)}, ` +
      `offered as a button ${pct(count('offered'), lines.length)}, another answer ${pct(count('other answer'), lines.length)}, no answer ${pct(count('no answer'), lines.length)}`,
  );
  if (quiet) return;
  lines.forEach((line, i) => {
    const { outcome, got } = outcomes[i];
    if (outcome !== 'answered') console.log(`  ${outcome.toUpperCase()} ${line.expected} <- "${line.text.slice(0, 120)}"${got.length ? ` got ${got.join(', ')}` : ''}`);
  });
}

interface Script {
  id: string;
  about?: string;
  channel?: string;
  conversationType?: 'personal' | 'groupChat' | 'channel';
  turns: Array<{ user: string; expect?: Check[]; mentioned?: boolean }>;
}

/** Runs one script; returns its failures (empty when it passes). */
async function runScript(conversation: Conversation, script: Script, show: boolean, views: TurnView[] = []): Promise<string[]> {
  const failures: string[] = [];
  let previous: TurnView | undefined;
  for (const [i, turn] of script.turns.entries()) {
    const view = viewOf(await conversation.say(turn.user, { mentioned: turn.mentioned }));
    views.push(view);
    if (show) console.log(`> ${turn.user}\n${[...view.events.map((e) => `[event ${e}]`), ...view.texts.map((t) => `< ${t}`), ...view.buttons.map((b) => `[${b}]`)].join('\n')}\n`);
    for (const check of turn.expect ?? []) {
      const failed = runCheck(check, view);
      if (failed) failures.push(`turn ${i + 1} "${turn.user.slice(0, 60)}": ${failed}`);
    }
    if (sameAsBefore(previous, view)) failures.push(`turn ${i + 1} "${turn.user.slice(0, 60)}": the same reply as the turn before`);
    previous = view;
  }
  return failures;
}

async function scriptsReport(start: (options: TurnOptions) => Conversation, file: string, quiet: boolean, only?: string): Promise<void> {
  const scripts = (JSON.parse(readFileSync(file, 'utf8')) as Script[]).filter((script) => only === undefined || only === 'all' || script.id === only);
  // --show <id> prints that script's whole conversation (events, texts and buttons); --show all, every one.
  const views = scripts.map((): TurnView[] => []);
  const results = await inParallel(scripts.map((script, i) => ({ script, i })), 4, ({ script, i }) =>
    runScript(start({ channel: script.channel, conversationType: script.conversationType }), script, only !== undefined, views[i]),
  );
  scripts.forEach((script, i) => views[i].forEach((view, turn) => dump([basename(file), script.id, turn], view)));
  const passed = results.filter((r) => r.length === 0).length;
  const checks = scripts.reduce((n, s) => n + s.turns.reduce((m, t) => m + (t.expect?.length ?? 0), 0), 0);
  const failedChecks = results.reduce((n, r) => n + r.length, 0);
  console.log(`${basename(file)}: ${passed}/${scripts.length} scripts pass (${pct(passed, scripts.length)}); ${checks - failedChecks}/${checks} checks hold`);
  if (quiet) return;
  scripts.forEach((script, i) => {
    if (results[i].length === 0) return;
    console.log(`  FAIL ${script.id}${script.about ? `: ${script.about}` : ''}`);
    for (const failure of results[i]) console.log(`      ${failure}`);
  });
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const valueOf = (flag: string): string[] => argv.flatMap((a, i) => (a === flag && argv[i + 1] ? [argv[i + 1]] : []));
  const env = Object.fromEntries(valueOf('--env').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
  const quiet = argv.includes('--quiet');
  const connector = new ConnectorStub();
  const serviceUrl = await connector.start();
  const service = await startService(env);
  const conversation = (options: TurnOptions = {}) => new Conversation(service.port, connector, serviceUrl, options);
  try {
    for (const dir of valueOf('--safety')) await safetyReport(() => conversation(), dir, quiet);
    for (const dir of valueOf('--safety-teams')) await safetyReport(() => conversation({ channel: 'msteams' }), dir, quiet, 'msteams');
    for (const file of valueOf('--scripts')) await scriptsReport(conversation, file, quiet, valueOf('--show')[0]);
    for (const file of valueOf('--answers')) await answersReport(() => conversation(), file, quiet);
  } finally {
    service.child.kill();
    await connector.stop();
  }
  const dumpFile = valueOf('--dump')[0];
  if (dumpFile !== undefined) writeFileSync(dumpFile, dumped.map((row) => `${row}\n`).join(''));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
