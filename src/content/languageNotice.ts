/**
 * The notice the safety gate sends when a message is not in English (locales/<lang>/language-notice.json):
 * in that language, the guide understands English only, with the urgent numbers. Languages without
 * a file of their own get the English notice. Also each file's marker words, which the language
 * identifier uses for languages its model lacks (Welsh). Read once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LOCALES_DIR } from '../projectRoot';
import { localesWith, resolveLocaleFile } from './localeResolver';

const FILE = 'language-notice.json';

const noticeSchema = z.object({
  language: z.string().regex(/^[a-z]{2}$/),
  name: z.string().min(1),
  review: z.string().optional(),
  about: z.string(),
  notice: z.string().min(1).refine((text) => text.includes('999') && text.includes('111') && text.includes('116 123'), 'a notice must give 999, 111 and 116 123'),
  markers: z.array(z.string().min(1)).default([]),
});
type NoticeFile = z.infer<typeof noticeSchema>;

const files = new Map<string, NoticeFile>();

function read(locale: string, path: string): NoticeFile {
  let file = files.get(locale);
  if (file === undefined) {
    const parsed = noticeSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) throw new Error(`${path} is invalid: ${parsed.error.message}`);
    file = parsed.data;
    files.set(locale, file);
  }
  return file;
}

/** The notice for an ISO 639-1 language code; the English one for a language without its own. */
export function languageNotice(language: string): string {
  const { locale, path } = resolveLocaleFile(language, FILE);
  return read(locale, path).notice;
}

/** Languages (ISO 639-1) with a notice of their own. */
export function noticeLanguages(localesDir: string = LOCALES_DIR): string[] {
  return localesWith(FILE, localesDir).map((locale) => read(locale, join(localesDir, locale, FILE)).language);
}

/** ISO 639-1 code -> marker words, for the languages whose file lists some. */
export function languageMarkers(localesDir: string = LOCALES_DIR): Map<string, ReadonlySet<string>> {
  const markers = new Map<string, ReadonlySet<string>>();
  for (const locale of localesWith(FILE, localesDir)) {
    const file = read(locale, join(localesDir, locale, FILE));
    if (file.markers.length > 0) markers.set(file.language, new Set(file.markers));
  }
  return markers;
}
