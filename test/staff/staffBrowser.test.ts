import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type { Activity } from 'botbuilder';
import type { App } from '../../src/app';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createRecognizer } from '../../src/language';
import { conversationKey, CALLBACK_REQUEST } from '../../src/staff/review';
import { ConnectorStub } from '../support/connectorStub';
import { sayOverHttp } from '../support/turns';

/**
 * The staff page in Debian's Chromium against the real server: conversations held through
 * /api/messages, sign-in with the local token, the risk conversation on top, its redacted
 * transcript, marking it reviewed, the audit view, and user text that tries to be markup.
 */

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SCREENSHOTS = join(__dirname, '..', '..', 'test-output', 'screenshots');
const TOKEN = 'browser-staff-token-0123456789abcdefghijkl';

jest.setTimeout(120_000);

describe('staff review page in Chromium', () => {
  const connector = new ConnectorStub();
  let app: App;
  let base: string;
  let browser: Browser;

  const say = (conversationId: string, text: string) => sayOverHttp({ base, serviceUrl, connector }, conversationId, text);
  let serviceUrl: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: run "node scripts/ensure-chromium.mjs" as root`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    serviceUrl = await connector.start();
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', STAFF_TOKEN: TOKEN });
    app = buildApp(config, createLogger('silent'), { recognizer: await createRecognizer({ logger: createLogger('silent') }) });
    base = `http://127.0.0.1:${await app.server.listen()}`;
    await app.ready;
    await say('page-quiet', 'how many sessions does IPT take');
    await say('page-callback', 'can someone from the clinic ring me');
    await app.persistence.transcripts.logActivity({
      type: 'event', name: CALLBACK_REQUEST, id: 'cb', timestamp: new Date().toISOString(), channelId: 'emulator',
      conversation: { id: 'page-callback' }, from: { id: 'bot', role: 'bot' },
    } as unknown as Activity);
    await say('page-xss', '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> [link](javascript:window.__pwned=3)');
    await say('page-risk', 'I want to kill myself, my number is 07700 900123');
    await app.persistence.writer.flush();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.server.shutdown();
    await connector.stop();
  });

  it('signs in, shows the risk conversation first, opens it redacted, marks it reviewed, and shows the audit', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.accept();
    });

    await page.goto(`${base}/staff`);
    await page.fill('#token', TOKEN);
    await page.click('button[type=submit]');
    await page.waitForSelector('tbody tr');
    const keys = await page.$$eval('tbody tr', (rows) => rows.map((row) => row.getAttribute('data-key')));
    expect(keys[0]).toBe(conversationKey('emulator', 'page-risk'));
    expect(keys[1]).toBe(conversationKey('emulator', 'page-callback'));
    await page.screenshot({ path: join(SCREENSHOTS, 'staff-queue.png'), fullPage: true });

    await page.click(`tr[data-key="${keys[0]}"] button`);
    await page.waitForSelector('#transcript');
    const transcript = await page.textContent('#transcript');
    expect(transcript).toContain('[phone]');
    expect(transcript).not.toContain('07700');
    expect(transcript).toContain('suicide');
    await page.screenshot({ path: join(SCREENSHOTS, 'staff-transcript.png'), fullPage: true });

    await page.fill('#note', 'Reviewed by the duty clinician');
    await page.click('button.primary');
    await page.waitForSelector('tbody tr');
    const after = await page.$$eval('tbody tr', (rows) => rows.map((row) => row.getAttribute('data-key')));
    expect(after[0]).toBe(conversationKey('emulator', 'page-callback'));
    expect(after.indexOf(conversationKey('emulator', 'page-risk'))).toBeGreaterThan(0);

    await page.click('nav button:nth-child(3)');
    await page.waitForSelector('#audit tbody tr');
    const audit = await page.textContent('#audit');
    expect(audit).toContain('sign_in');
    expect(audit).toContain('view');
    expect(audit).toContain('mark_reviewed');
    await page.screenshot({ path: join(SCREENSHOTS, 'staff-audit.png'), fullPage: true });
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it('user text that tries to be markup or a script is shown as text and never runs', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/staff`);
    await page.fill('#token', TOKEN);
    await page.click('button[type=submit]');
    await page.waitForSelector('tbody tr');
    await page.click(`tr[data-key="${conversationKey('emulator', 'page-xss')}"] button`);
    await page.waitForSelector('#transcript');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.$$('#transcript img, #transcript script, #transcript a')).toHaveLength(0);
    expect(await page.textContent('#transcript')).toContain('<img src=x onerror=');
    await context.close();
  });
});
