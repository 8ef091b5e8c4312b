/**
 * The notice the safety gate sends when a message is not in English (locales/<lang>/language-notice.json):
 * in that language, the guide understands English only, with the urgent numbers. Languages without
 * a file of their own get the English notice. Also each file's marker words, which the language
 * identifier uses for languages its model lacks (Welsh). Read once.
 */
import { z } from 'zod';
import { LOCALES_DIR } from '../projectRoot';
import { loadLocaleData, loadOwnLocaleData, localesWith } from './localeResolver';

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

function parseNotice(json: unknown, locale: string): NoticeFile {
  const parsed = noticeSchema.safeParse(json);
  if (!parsed.success) throw new Error(`locales/${locale}/${FILE} is invalid: ${parsed.error.message}`);
  return parsed.data;
}

/** Every locale's own notice file (each has one: the listing says so). */
function noticeFiles(localesDir: string): NoticeFile[] {
  return localesWith(FILE, localesDir).map((locale) => loadOwnLocaleData(locale, FILE, parseNotice, localesDir) as NoticeFile);
}

/** The notice for an ISO 639-1 language code; the English one for a language without its own. */
export function languageNotice(language: string): string {
  return loadLocaleData(language, FILE, parseNotice).notice;
}

/** Languages (ISO 639-1) with a notice of their own. */
export function noticeLanguages(localesDir: string = LOCALES_DIR): string[] {
  return noticeFiles(localesDir).map((file) => file.language);
}

/** ISO 639-1 code -> marker words, for the languages whose file lists some. */
export function languageMarkers(localesDir: string = LOCALES_DIR): Map<string, ReadonlySet<string>> {
  const markers = new Map<string, ReadonlySet<string>>();
  for (const file of noticeFiles(localesDir)) {
    if (file.markers.length > 0) markers.set(file.language, new Set(file.markers));
  }
  return markers;
}
