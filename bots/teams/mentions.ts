/**
 * Teams message text without @mentions. Pure and botbuilder-free: it reads plain data, so a
 * malformed entity (no text, `mentioned: null`, a number) is skipped instead of throwing.
 *
 * botbuilder's `TurnContext.removeRecipientMention` removes only the bot's first mention, can leave
 * the literal word "undefined" and leaves line breaks. Here every mention goes (the bot's and
 * colleagues': a name is never something the bot needs), in both forms Teams sends: the text form
 * `<at>Name</at>` in `text` and the mention spans of the `text/html` attachment.
 */

const AT_TAG = /<at\b[^>]*>[\s\S]*?<\/at\s*>/gi;
const STRAY_AT_TAG = /<\/?at\b[^>]*>/gi;
const HTML_MENTION_SPAN = /<span\b[^>]*itemtype\s*=\s*["'][^"']*schema\.skype\.com\/Mention["'][^>]*>[\s\S]*?<\/span\s*>/gi;
const BLOCK_END = /<br\s*\/?>|<\/(p|div|li|h[1-6]|tr|blockquote)\s*>/gi;
const ANY_TAG = /<[^>]*>/g;

const NAMED_ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+|#39);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower in NAMED_ENTITIES) return NAMED_ENTITIES[lower];
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : lower.startsWith('#') ? parseInt(lower.slice(1), 10) : NaN;
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Lines trimmed, blank lines dropped, runs of spaces made one, and the comma or colon a leading mention leaves behind gone. */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0\u200b]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n')
    .replace(/^[\s,:;]+/, '')
    .trim();
}

function mentionTexts(entities: unknown): string[] {
  if (!Array.isArray(entities)) return [];
  const texts: string[] = [];
  for (const entity of entities) {
    if (!entity || typeof entity !== 'object') continue;
    const { type, text } = entity as { type?: unknown; text?: unknown };
    if (type === 'mention' && typeof text === 'string' && text.trim() !== '') texts.push(text);
  }
  // Longest first, so "<at>IPT guide bot</at>" is not cut short by a mention of "<at>IPT guide</at>".
  return texts.sort((a, b) => b.length - a.length);
}

/** `text` with every mention removed (named by the entities or written as `<at>` tags), entities decoded, lines tidied. */
export function stripMentions(text: string, entities?: unknown): string {
  let result = text;
  for (const mention of mentionTexts(entities)) result = result.split(mention).join(' ');
  return tidy(decodeEntities(result.replace(AT_TAG, ' ').replace(STRAY_AT_TAG, ' ')));
}

/** The text of Teams' `text/html` copy of a message, without its mention spans. */
export function htmlToText(html: string): string {
  const withoutMentions = html.replace(HTML_MENTION_SPAN, ' ').replace(AT_TAG, ' ');
  return tidy(decodeEntities(withoutMentions.replace(BLOCK_END, '\n').replace(ANY_TAG, ' ')));
}

/** Teams ids carry a channel prefix ("28:" for bots); people and configuration may leave it out. */
export function bareBotId(id: string): string {
  return id.replace(/^28:/, '').toLowerCase();
}

/** Whether any mention entity names this bot. Malformed entities count as no mention. */
export function mentionsBot(entities: unknown, botId: string | undefined): boolean {
  if (!botId || !Array.isArray(entities)) return false;
  const wanted = bareBotId(botId);
  return entities.some((entity: unknown) => {
    if (!entity || typeof entity !== 'object') return false;
    const { type, mentioned } = entity as { type?: unknown; mentioned?: unknown };
    if (type !== 'mention' || !mentioned || typeof mentioned !== 'object') return false;
    const id = (mentioned as { id?: unknown }).id;
    return typeof id === 'string' && bareBotId(id) === wanted;
  });
}

export interface TeamsMessageParts {
  text?: unknown;
  entities?: unknown;
  attachments?: unknown;
}

/** The first `text/html` attachment's content: Teams' copy of what the person typed. */
function htmlCopy(attachments: unknown): string | undefined {
  if (!Array.isArray(attachments)) return undefined;
  for (const attachment of attachments) {
    if (!attachment || typeof attachment !== 'object') continue;
    const { contentType, content } = attachment as { contentType?: unknown; content?: unknown };
    if (contentType === 'text/html' && typeof content === 'string') return content;
  }
  return undefined;
}

/**
 * What the person wrote, with no mentions: the text field, or when Teams sent only the HTML copy
 * (or the text is nothing but mentions), the HTML copy's text.
 */
export function messageText(parts: TeamsMessageParts): string {
  const fromText = typeof parts.text === 'string' ? stripMentions(parts.text, parts.entities) : '';
  if (fromText !== '') return fromText;
  const html = htmlCopy(parts.attachments);
  return html === undefined ? '' : htmlToText(html);
}
