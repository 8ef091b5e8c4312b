import { t, tObject } from '../../content/i18n';
import type { ClinicContact } from '../../config';
import type { PageRoute } from './crisisLinks';

/**
 * The clinic demo page and the short privacy page, rendered on the server from
 * locales/<lang>/strings/web.json. No inline script: the browser code is a file, and its settings
 * travel in a JSON data block (which a Content-Security-Policy does not treat as script).
 */

/** What public/app.js needs to start Web Chat. */
export interface BrowserConfig {
  tokenUrl: string;
  /** Direct Line base URL; relative for the local stand-in. */
  domain: string;
  webSocket: boolean;
  locale: string;
  strings: { placeholder: string };
}

export interface ChatPageInput {
  locale: string;
  clinic: ClinicContact;
  privacyHref: string;
  assets: { webChat: string; script: string; styles: string };
  helpRoutes: PageRoute[];
  bannerRoutes: PageRoute[];
  browser: BrowserConfig;
  /** No Direct Line this page could use: it says so instead of trying to start. */
  chatUnavailable?: boolean;
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** JSON that is safe inside a <script> element: nothing in it can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

function clinicName(clinic: ClinicContact): string {
  return clinic.name.charAt(0).toUpperCase() + clinic.name.slice(1);
}

function routeItem(route: PageRoute): string {
  return `<li class="route route--${escapeHtml(route.id)}">
          <div class="route__text"><strong class="route__name">${escapeHtml(route.name)}</strong>
          <span class="route__description">${escapeHtml(route.description)}</span></div>
          <a class="route__action" href="${escapeHtml(route.uri)}">${escapeHtml(route.action)}</a>
        </li>`;
}

function header(locale: string, clinic: ClinicContact, helpHref: string): string {
  const name = escapeHtml(clinicName(clinic));
  const home = clinic.url ? `<a class="site-name" href="${escapeHtml(clinic.url)}">${name}</a>` : `<span class="site-name">${name}</span>`;
  return `<header class="site-header">
    <div class="wrap site-header__inner">
      ${home}
      <a class="help-link" href="${escapeHtml(helpHref)}">${escapeHtml(t(locale, 'web:getHelpNow'))}</a>
    </div>
  </header>`;
}

function footer(locale: string, clinic: ClinicContact): string {
  const parts = [`<p>${escapeHtml(t(locale, 'web:footer.demo'))}</p>`];
  if (clinic.phone) parts.push(`<p>${escapeHtml(t(locale, 'web:footer.contact', { clinic: clinic.name, phone: clinic.phone }))}</p>`);
  if (clinic.url) parts.push(`<p><a href="${escapeHtml(clinic.url)}">${escapeHtml(t(locale, 'web:footer.backToClinic', { clinic: clinic.name }))}</a></p>`);
  return `<footer class="site-footer"><div class="wrap">${parts.join('\n')}</div></footer>`;
}

export function renderChatPage(input: ChatPageInput): string {
  const { locale, clinic } = input;
  const w = (key: string, options?: Record<string, string>) => escapeHtml(t(locale, `web:${key}`, options));
  const privacyPoints = tObject<string[]>(locale, 'web:privacy.points').map((point) => `<li>${escapeHtml(point)}</li>`).join('\n          ');
  return `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${w('pageTitle', { clinic: clinicName(clinic) })}</title>
  <link rel="stylesheet" href="${escapeHtml(input.assets.styles)}">
</head>
<body>
  <a class="skip-link" href="#chat">${w('skipToChat')}</a>
  ${header(locale, clinic, '#get-help')}
  <main id="main" class="wrap layout">
    <section class="intro" aria-labelledby="page-title">
      <h1 id="page-title">${w('heading')}</h1>
      <p>${w('intro')}</p>
      <div class="notice" id="privacy-notice">
        <h2 class="notice__heading">${w('privacy.heading')}</h2>
        <ul>
          ${privacyPoints}
        </ul>
        <p>${w('notEmergency')}</p>
        <p><a href="${escapeHtml(input.privacyHref)}">${w('privacy.link')}</a></p>
      </div>
    </section>

    <section class="chat-panel" id="chat" aria-labelledby="chat-heading" tabindex="-1">
      <h2 id="chat-heading" class="chat-panel__heading">${w('chat.heading')}</h2>
      <div id="crisis-banner" class="crisis-banner" role="alert"></div>
      <template id="crisis-banner-template">
        <div class="crisis-banner__inner">
          <h3 class="crisis-banner__heading">${w('banner.heading')}</h3>
          <p class="crisis-banner__lead" data-severity="immediate">${w('banner.immediate')}</p>
          <p class="crisis-banner__lead" data-severity="concern">${w('banner.concern')}</p>
          <ul class="crisis-banner__routes">
            ${input.bannerRoutes.map((route) => `<li><a class="crisis-banner__action" href="${escapeHtml(route.uri)}">${escapeHtml(route.action)}</a></li>`).join('\n            ')}
          </ul>
          <p class="crisis-banner__more"><a href="#get-help">${w('banner.more')}</a></p>
        </div>
      </template>
      <div id="webchat" class="webchat"></div>
      <div id="summary-tools" class="summary-tools" role="group" aria-labelledby="summary-tools-label" hidden
        data-copied="${w('summary.copied')}" data-copy-failed="${w('summary.copyFailed')}" data-saved="${w('summary.saved')}" data-file-name="${w('summary.fileName')}">
        <span id="summary-tools-label" class="summary-tools__label">${w('summary.label')}</span>
        <button type="button" class="summary-tools__button" data-summary-action="copy">${w('summary.copy')}</button>
        <button type="button" class="summary-tools__button" data-summary-action="save">${w('summary.save')}</button>
        <button type="button" class="summary-tools__button" data-summary-action="print">${w('summary.print')}</button>
        <span class="summary-tools__status" role="status" id="summary-status"></span>
      </div>
      <p id="chat-status" class="chat-status" role="status"${input.chatUnavailable ? ' hidden' : ''}>${w('chat.starting')}</p>
      <p id="chat-failed" class="chat-failed"${input.chatUnavailable ? '' : ' hidden'}>${w(input.chatUnavailable ? 'chat.notConfigured' : 'chat.failed')}</p>
    </section>

    <section class="get-help" id="get-help" aria-labelledby="help-heading" tabindex="-1">
      <h2 id="help-heading">${w('help.heading')}</h2>
      <p>${w('help.intro')}</p>
      <ul class="routes">
        ${input.helpRoutes.map(routeItem).join('\n        ')}
      </ul>
      <p><a href="#chat">${w('help.backToTop')}</a></p>
    </section>
  </main>
  ${footer(locale, clinic)}
  <pre id="summary-print" class="summary-print"></pre>
  <script id="ipt-config" type="application/json">${scriptJson(input.browser)}</script>
  <script src="${escapeHtml(input.assets.webChat)}"></script>
  <script src="${escapeHtml(input.assets.script)}"></script>
</body>
</html>
`;
}

export interface PrivacyPageInput {
  locale: string;
  clinic: ClinicContact;
  stylesUrl: string;
  /** TRANSCRIPT_RETENTION_DAYS: how long saved chats are kept. */
  retentionDays: number;
}

export function renderPrivacyPage(input: PrivacyPageInput): string {
  const { locale, clinic } = input;
  const w = (key: string, options?: Record<string, string>) => escapeHtml(t(locale, `web:${key}`, options));
  const points = tObject<string[]>(locale, 'web:privacyPage.points')
    .map((point) => `<li>${escapeHtml(point.replace(/\{\{clinic\}\}/g, clinic.name).replace(/\{\{days\}\}/g, String(input.retentionDays)))}</li>`)
    .join('\n        ');
  return `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${w('privacyTitle', { clinic: clinicName(clinic) })}</title>
  <link rel="stylesheet" href="${escapeHtml(input.stylesUrl)}">
</head>
<body>
  ${header(locale, clinic, '/#get-help')}
  <main id="main" class="wrap prose">
    <h1>${w('privacyPage.heading')}</h1>
    <p>${w('privacyPage.summary')}</p>
    <ul>
        ${points}
    </ul>
    <p>${w('privacyPage.questions', { clinic: clinic.name })}</p>
    <p><a href="/">${w('privacyPage.back')}</a></p>
  </main>
  ${footer(locale, clinic)}
</body>
</html>
`;
}

export interface CspInput {
  /** Extra origins the page may call (the Direct Line service in production). */
  connectOrigins: string[];
  /** Sites allowed to frame the page (the clinic's own site). */
  frameAncestors: string[];
}

/**
 * Scripts only from this server, never inline and never eval. Styles allow 'unsafe-inline' because
 * Web Chat writes its styles into <style> elements at run time: its `nonce` option covers most of
 * them, but 4.18.1 does not pass the nonce to the transcript's scroll view (react-scroll-to-bottom),
 * and under a nonce policy that view loses `overflow-y: auto`, so people could not scroll back
 * through the conversation. Inline styles cannot run code; every text we render is escaped.
 */
export function contentSecurityPolicy(input: CspInput): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' blob:",
    `connect-src ${["'self'", ...input.connectOrigins].join(' ')}`,
    `frame-ancestors ${["'self'", ...input.frameAncestors].join(' ')}`,
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}
