import { ConversationStore, DEFAULT_STORE_LIMITS, type StoreLimits } from '../../src/server/directline/conversationStore';
import { FixedWindowRateLimiter } from '../../src/server/webchat/rateLimit';
import { judgeOrigin } from '../../src/server/webchat/cors';
import { contentSecurityPolicy, escapeHtml } from '../../src/server/webchat/page';
import type { IncomingMessage } from 'node:http';
import { clientAddress } from '../../src/server/webchat/clientAddress';

/** A clock the test moves by hand: limits and expiry are checked without waiting. */
function manualClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function store(limits: Partial<StoreLimits>, clock = manualClock()) {
  return { clock, store: new ConversationStore({ ...DEFAULT_STORE_LIMITS, ...limits }, clock.now) };
}

describe('ConversationStore bounds', () => {
  it('expires a conversation and its tokens after the idle time, and use keeps it alive', () => {
    const { clock, store: s } = store({ idleTtlMs: 1000, tokenTtlMs: 10_000 });
    const kept = s.create('dl_a');
    const idle = s.create('dl_b');
    const idleToken = s.issueToken(idle).token;
    clock.advance(800);
    expect(s.get(kept.id)).toBeDefined();
    clock.advance(400);
    expect(s.get(kept.id)).toBeDefined();
    expect(s.get(idle.id)).toBeUndefined();
    expect(s.conversationIdForToken(idleToken)).toBeUndefined();
  });

  it('never holds more than maxConversations: the least recently used goes first', () => {
    const { store: s } = store({ maxConversations: 3 });
    const [a, b, c] = [s.create('dl_a'), s.create('dl_b'), s.create('dl_c')];
    s.get(a.id);
    s.create('dl_d');
    expect(s.size).toBe(3);
    expect(s.get(b.id)).toBeUndefined();
    expect(s.get(a.id)).toBeDefined();
    expect(s.get(c.id)).toBeDefined();
  });

  it('keeps at most maxActivitiesPerConversation and a byte budget, while the watermark keeps counting', () => {
    const { store: s } = store({ maxActivitiesPerConversation: 3, maxBytesPerConversation: 100_000 });
    const conversation = s.create('dl_a');
    for (let i = 1; i <= 5; i += 1) s.append(conversation, { type: 'message', text: `m${i}` });
    const all = s.activitiesAfter(conversation);
    expect(all.activities.map((activity) => activity.text)).toEqual(['m3', 'm4', 'm5']);
    expect(all.watermark).toBe('5');
    expect(s.activitiesAfter(conversation, 4).activities.map((activity) => activity.text)).toEqual(['m5']);

    const small = store({ maxBytesPerConversation: 600 }).store;
    const busy = small.create('dl_b');
    for (let i = 0; i < 10; i += 1) small.append(busy, { type: 'message', text: 'x'.repeat(200) });
    expect(small.activitiesAfter(busy).activities.length).toBeLessThan(4);
  });

  it('expires tokens on their own clock and keeps only the newest few per conversation', () => {
    const { clock, store: s } = store({ tokenTtlMs: 1000, idleTtlMs: 60_000, maxTokensPerConversation: 2 });
    const conversation = s.create('dl_a');
    const first = s.issueToken(conversation).token;
    const second = s.issueToken(conversation).token;
    const third = s.issueToken(conversation).token;
    expect(s.conversationIdForToken(first)).toBeUndefined();
    expect(s.conversationIdForToken(second)).toBe(conversation.id);
    clock.advance(1001);
    expect(s.conversationIdForToken(third)).toBeUndefined();
  });
});

describe('FixedWindowRateLimiter', () => {
  it('allows the limit per key per window, then says when to retry', () => {
    const clock = manualClock();
    const limiter = new FixedWindowRateLimiter(2, 60_000, 100, clock.now);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(true);
    clock.advance(15_000);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(limiter.take('b').allowed).toBe(true);
    clock.advance(45_000);
    expect(limiter.take('a').allowed).toBe(true);
  });

  it('bounds its table', () => {
    const clock = manualClock();
    const limiter = new FixedWindowRateLimiter(1, 60_000, 10, clock.now);
    for (let i = 0; i < 50; i += 1) limiter.take(`client-${i}`);
    expect(limiter.size).toBeLessThanOrEqual(10);
  });
});

describe('origin checks, CSP and escaping', () => {
  const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

  it('allows listed origins and the page itself, denies others', () => {
    const allowed = ['https://clinic.example.org'];
    expect(judgeOrigin(request({ origin: 'https://clinic.example.org' }), allowed).kind).toBe('allowed');
    expect(judgeOrigin(request({ origin: 'http://127.0.0.1:3978', host: '127.0.0.1:3978' }), allowed).kind).toBe('allowed');
    expect(judgeOrigin(request({ origin: 'https://clinic.example.org.evil.example' }), allowed).kind).toBe('denied');
    expect(judgeOrigin(request({ origin: 'null' }), allowed).kind).toBe('denied');
    expect(judgeOrigin(request({}), allowed).kind).toBe('none');
  });

  it('builds a policy with no inline or eval script', () => {
    const policy = contentSecurityPolicy({ connectOrigins: ['https://directline.botframework.com'], frameAncestors: [] });
    const script = policy.split('; ').find((directive) => directive.startsWith('script-src'));
    expect(script).toBe("script-src 'self'");
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain('connect-src \'self\' https://directline.botframework.com');
  });

  it('escapes markup in rendered text', () => {
    expect(escapeHtml('<a href="x">&\'')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
  });
});

describe('clientAddress', () => {
  const request = (remoteAddress: string, forwarded?: string) =>
    ({ socket: { remoteAddress }, headers: forwarded ? { 'x-forwarded-for': forwarded } : {} }) as unknown as IncomingMessage;

  it('uses the socket unless proxies are trusted, so a client cannot pick its own bucket', () => {
    expect(clientAddress(request('10.0.0.9', '6.6.6.6'))).toBe('10.0.0.9');
  });

  it('takes the entry the trusted proxy wrote, ignoring what the client prepended', () => {
    expect(clientAddress(request('169.254.0.2', '6.6.6.6, 81.2.69.160:51234'), 1)).toBe('81.2.69.160');
    expect(clientAddress(request('169.254.0.2', '81.2.69.160, 10.1.1.1'), 2)).toBe('81.2.69.160');
    expect(clientAddress(request('169.254.0.2', '[2001:db8::1]:443'), 1)).toBe('2001:db8::1');
  });
});
