import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startWebApp, type RunningApp } from './webApp';

/**
 * The real page in Debian's Chromium against the real server (buildApp on 127.0.0.1, local Direct
 * Line, the real bot): welcome, a suggested action, a typed question, a risk message and the
 * crisis banner, keyboard use, a 360 px phone, axe-core and the Content-Security-Policy.
 */

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SCREENSHOTS = join(__dirname, '..', '..', 'test-output', 'screenshots');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const BOT_BUBBLE = '#webchat .webchat__bubble:not(.webchat__bubble--from-user)';
const USER_BUBBLE = '#webchat .webchat__bubble--from-user';
const SEND_BOX = '#webchat [data-id="webchat-sendbox-input"]';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

jest.setTimeout(120_000);

describe('clinic page with Web Chat in Chromium', () => {
  let running: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    // Never skip silently: without Chromium this suite fails and says how to fix it.
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: run "node scripts/ensure-chromium.mjs" as root`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    running = await startWebApp();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  /** A page that records CSP violations and page errors from its first script on. */
  async function openPage(width: number, height: number): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const problems: string[] = [];
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const list = ((window as unknown as { __csp?: string[] }).__csp ??= []);
        list.push(`${event.violatedDirective} ${event.blockedURI} ${(event.target as Element | null)?.outerHTML?.slice(0, 120) ?? ""} ${event.sample}`);
      });
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`requestfailed: ${request.url()}`));
    await page.goto(`${running.base}/`);
    return { page, problems };
  }

  async function cspViolations(page: Page): Promise<string[]> {
    return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
  }

  /** axe-core, evaluated through DevTools (not a page script, so the page's CSP stays as it is). */
  async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
    await page.evaluate(`${AXE_SOURCE}\n;undefined`);
    const violations = await page.evaluate(async (tags) => {
      const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return result.violations;
    }, WCAG_TAGS);
    return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  }

  function describeViolations(violations: AxeViolation[]): string[] {
    return violations.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  }

  async function botMessageCount(page: Page): Promise<number> {
    return page.locator(BOT_BUBBLE).count();
  }

  async function waitForMoreBotMessages(page: Page, than: number): Promise<void> {
    await page.waitForFunction(
      ({ selector, count }) => document.querySelectorAll(selector).length > count,
      { selector: BOT_BUBBLE, count: than },
      { timeout: 20_000 },
    );
  }

  async function send(page: Page, text: string): Promise<void> {
    const before = await botMessageCount(page);
    const userBefore = await page.locator(USER_BUBBLE).count();
    await page.locator(SEND_BOX).fill(text);
    await page.locator(SEND_BOX).press('Enter');
    // Sent means echoed back by the Direct Line with its clientActivityID (no "Send failed").
    await page.waitForFunction(({ selector, count }) => document.querySelectorAll(selector).length > count, { selector: USER_BUBBLE, count: userBefore });
    await waitForMoreBotMessages(page, before);
  }

  /** The transcript follows the conversation: newest message in view (after Web Chat's smooth scroll). */
  async function waitForTranscriptAtEnd(page: Page): Promise<void> {
    await page.waitForFunction(() => {
      const scrollable = document.querySelector('#webchat .webchat__basic-transcript__scrollable');
      return !!scrollable && scrollable.scrollTop + scrollable.clientHeight >= scrollable.scrollHeight - 2;
    }, undefined, { timeout: 10_000 });
  }

  async function newBotText(page: Page, from: number): Promise<string> {
    const texts = await page.locator(BOT_BUBBLE).allInnerTexts();
    return texts.slice(from).join('\n');
  }

  it('desktop: privacy first, welcome, suggested action, typed question, crisis banner, axe clean', async () => {
    const { page, problems } = await openPage(1280, 900);

    // Before any chatting: the privacy notice and the way to urgent help are on screen.
    await page.locator('#privacy-notice').waitFor({ state: 'visible' });
    const helpLink = page.getByRole('link', { name: 'Get help now' });
    await helpLink.waitFor({ state: 'visible' });
    expect(await page.locator('#get-help a[href="tel:999"]').count()).toBe(1);
    expect(await page.locator('#get-help a[href="tel:116123"]').count()).toBe(1);

    // The welcome comes from the bot (conversationUpdate through the local Direct Line).
    await page.locator(BOT_BUBBLE).first().waitFor({ timeout: 30_000 });
    await page.waitForFunction((selector) => /IPT/.test(document.querySelector(selector)?.textContent ?? ''), BOT_BUBBLE);
    await page.locator('#chat-status').waitFor({ state: 'hidden' });

    // A suggested action, clicked, is sent as the user's message and answered.
    const action = page.locator('#webchat .webchat__suggested-action').first();
    await action.waitFor({ timeout: 20_000 });
    const actionTitle = (await action.innerText()).trim();
    const beforeAction = await botMessageCount(page);
    await action.click();
    await page.locator(USER_BUBBLE, { hasText: actionTitle }).first().waitFor();
    await waitForMoreBotMessages(page, beforeAction);
    expect(await newBotText(page, beforeAction)).not.toMatch(/didn't understand/i);

    // A typed question gets the answer about IPT.
    const beforeQuestion = await botMessageCount(page);
    await send(page, 'What is IPT?');
    expect(await newBotText(page, beforeQuestion)).toMatch(/relationship/i);

    expect(await page.locator('#crisis-banner a').count()).toBe(0);
    await waitForTranscriptAtEnd(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'desktop-1280-chat.png') });

    // A risk message: the bot's emergencySupport event pins the banner with tappable numbers.
    await send(page, 'I want to end my life');
    const banner = page.locator('#crisis-banner.crisis-banner--shown');
    await banner.waitFor({ timeout: 20_000 });
    expect(await banner.locator('a[href="tel:999"]').count()).toBe(1);
    expect(await banner.locator('a[href="tel:116123"]').count()).toBe(1);
    expect(await banner.locator('a[href^="sms:85258"]').count()).toBe(1);
    expect(await banner.locator('a[href="tel:111"]').count()).toBe(1);
    // Pinning the banner shrinks the transcript; the bot's newest words must stay in view.
    await waitForTranscriptAtEnd(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'desktop-1280-crisis.png') });

    // The crisis card's text-message button works in Web Chat (its own allow-list leaves out sms:).
    const textShout = page.locator('#webchat .ac-pushButton', { hasText: /85258/ }).first();
    await textShout.waitFor();
    await page.evaluate(() => {
      const opened: string[] = ((window as unknown as { __opened?: string[] }).__opened = []);
      document.addEventListener(
        'click',
        (event) => {
          const link = (event.target as Element | null)?.closest?.('a');
          if (link && link.href.startsWith('sms:')) {
            opened.push(link.href);
            event.preventDefault();
          }
        },
        true,
      );
    });
    await textShout.click();
    const opened = await page.evaluate(() => (window as unknown as { __opened?: string[] }).__opened ?? []);
    expect(opened).toEqual([expect.stringMatching(/^sms:85258/)]);

    // The banner stays pinned while the conversation goes on.
    await send(page, 'What happens in IPT sessions?');
    expect(await page.locator('#crisis-banner.crisis-banner--shown').isVisible()).toBe(true);

    expect(describeViolations(await seriousAxeViolations(page))).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'desktop-1280-full.png'), fullPage: true });
    await page.context().close();
  });

  it('the check\'s summary can be copied, saved as a text file and printed (only the summary prints)', async () => {
    const { page, problems } = await openPage(1280, 900);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: running.base });
    await page.locator(BOT_BUBBLE).first().waitFor({ timeout: 30_000 });
    expect(await page.locator('#summary-tools').isVisible()).toBe(false);

    async function tap(label: string): Promise<void> {
      const before = await botMessageCount(page);
      const button = page.locator('#webchat .webchat__suggested-action', { hasText: label }).last();
      await button.waitFor({ timeout: 20_000 });
      await button.click();
      await waitForMoreBotMessages(page, before);
    }
    await tap('Is it right for me?');
    await tap('Someone close to me died');
    await tap('A few months');
    await tap('35 or over');
    await tap('England');
    const tools = page.locator('#summary-tools');
    await tools.waitFor({ state: 'visible', timeout: 20_000 });
    await waitForTranscriptAtEnd(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'desktop-1280-summary.png') });

    // Save: a .txt download holding the summary card's text and the note to paste.
    const [download] = await Promise.all([page.waitForEvent('download'), tools.getByRole('button', { name: 'Save as a file' }).click()]);
    expect(download.suggestedFilename()).toBe('ipt-check-summary.txt');
    const saved = readFileSync((await download.path())!, 'utf8');
    expect(saved).toMatch(/^Your IPT check/);
    expect(saved).toContain('IPT may suit you');
    expect(saved).toContain('Grief');
    expect(saved).toContain('What is troubling me: the death of someone close to me.');
    expect(saved).toContain('https://');
    expect(saved).not.toMatch(/@/);

    // Copy: the same text on the clipboard.
    await tools.getByRole('button', { name: 'Copy' }).click();
    await page.locator('#summary-status', { hasText: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(saved);

    // Print: the browser's print is asked for, and the print view holds the summary alone.
    await page.evaluate(() => {
      (window as unknown as { __printed: number }).__printed = 0;
      window.print = () => {
        (window as unknown as { __printed: number }).__printed += 1;
      };
    });
    await tools.getByRole('button', { name: 'Print' }).click();
    expect(await page.evaluate(() => (window as unknown as { __printed: number }).__printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#summary-print').isVisible()).toBe(true);
    expect(await page.locator('#summary-print').innerText()).toContain('IPT may suit you');
    expect(await page.locator('#webchat').isVisible()).toBe(false);
    expect(await page.locator('#privacy-notice').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    expect(describeViolations(await seriousAxeViolations(page))).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('keyboard only: skip link, then type and send with Enter', async () => {
    const { page, problems } = await openPage(1280, 900);
    await page.locator(BOT_BUBBLE).first().waitFor({ timeout: 30_000 });

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Skip to the chat');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Get help now');

    // From the skip link target, Tab reaches the message box without a mouse.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    let reached = false;
    for (let i = 0; i < 40 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.getAttribute('data-id') === 'webchat-sendbox-input');
    }
    expect(reached).toBe(true);
    const before = await botMessageCount(page);
    await page.keyboard.type('Who is IPT for?');
    await page.keyboard.press('Enter');
    await waitForMoreBotMessages(page, before);
    expect(problems).toEqual([]);

    // The privacy page the notice links to is plain, accessible and script-free.
    await page.goto(`${running.base}/privacy`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(describeViolations(await seriousAxeViolations(page))).toEqual([]);
    await page.context().close();
  });

  it('says plainly when the chat cannot start, and the routes to help stay usable', async () => {
    const offline = await startWebApp({ DIRECT_LINE_LOCAL_ENABLED: 'false' });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${offline.base}/`);
      await page.locator('#chat-failed').waitFor({ state: 'visible' });
      expect(await page.locator('#chat-status').isVisible()).toBe(false);
      expect(await page.locator('#get-help a[href="tel:999"]').isVisible()).toBe(true);
    } finally {
      await context.close();
      await offline.close();
    }
  });

  it('phone, 360 px wide: no sideways scrolling, banner and numbers fit, axe clean', async () => {
    const { page, problems } = await openPage(360, 740);
    await page.locator(BOT_BUBBLE).first().waitFor({ timeout: 30_000 });
    await page.locator('#privacy-notice').waitFor({ state: 'visible' });
    await page.screenshot({ path: join(SCREENSHOTS, 'phone-360-top.png') });

    await page.locator('#chat').scrollIntoViewIfNeeded();
    await send(page, 'I want to end my life');
    await page.locator('#crisis-banner.crisis-banner--shown').waitFor({ timeout: 20_000 });
    await page.locator('#chat').scrollIntoViewIfNeeded();
    await waitForTranscriptAtEnd(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'phone-360-chat.png') });

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const tooSmall = await page.evaluate(() =>
      Array.from(document.querySelectorAll('#crisis-banner a.crisis-banner__action, #get-help a.route__action, a.help-link'))
        .map((link) => link.getBoundingClientRect())
        .filter((box) => box.height < 24 || box.width < 24).length,
    );
    expect(tooSmall).toBe(0);

    expect(describeViolations(await seriousAxeViolations(page))).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'phone-360-full.png'), fullPage: true });
    await page.context().close();
  });
});
