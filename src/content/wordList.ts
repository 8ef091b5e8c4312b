/**
 * The locale's list of words spelled as meant (`locales/<lang>/words.txt`: one a line, # for
 * comments). The spelling correction, the check's typing slips and the crisis dialog's "is this
 * answer readable?" all read it; the file is read once per locale and folder.
 */
import { LOCALES_DIR } from '../projectRoot';
import { loadLocaleText } from './localeResolver';

const WORD_LIST = 'words.txt';

/** Pure: the words of a word-list file's text. */
export function parseWordList(text: string): Set<string> {
  const words = new Set<string>();
  for (const line of text.split('\n')) {
    const word = line.trim();
    if (word !== '' && !word.startsWith('#')) words.add(word);
  }
  return words;
}

/** The word list serving `locale` (the locale resolver's rule), read once. */
export function wordList(locale: string, localesDir: string = LOCALES_DIR): ReadonlySet<string> {
  return loadLocaleText(locale, WORD_LIST, parseWordList, localesDir);
}
