import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLocaleData, loadLocaleText, loadOwnLocaleData, localeFilePath, ownLocaleFile, readOwnLocaleFolder, readOwnLocaleText } from '../../src/content/localeResolver';

/** A locales folder of our own: locale -> file name -> content. */
function folder(files: Record<string, Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ipt-locales-'));
  for (const [locale, byName] of Object.entries(files)) {
    for (const [name, content] of Object.entries(byName)) {
      mkdirSync(join(dir, locale, name, '..'), { recursive: true });
      writeFileSync(join(dir, locale, name), content);
    }
  }
  return dir;
}

describe('the one locale resolver, for every kind of data file', () => {
  let dir: string;
  beforeAll(() => {
    dir = folder({
      'en-GB': { 'notes.json': '{"said":"hello"}', 'list.txt': 'one\ntwo\n', 'parts/b.json': '{"n":2}', 'parts/a.json': '{"n":1}', 'parts/skip.txt': 'x' },
      fr: { 'notes.json': '{"said":"bonjour"}' },
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives a JSON file by the fallback rule: the same language, else en-GB', () => {
    const said = (json: unknown) => (json as { said: string }).said;
    expect(loadLocaleData('fr-CA', 'notes.json', said, dir)).toBe('bonjour');
    expect(loadLocaleData('de', 'notes.json', said, dir)).toBe('hello');
  });

  it('tells the parser whose file it is reading', () => {
    const whose = (_text: string, locale: string) => locale;
    expect(loadLocaleText('pl', 'list.txt', whose, dir)).toBe('en-GB');
  });

  it('parses a file once for each way of reading it, and reads it again for another way', () => {
    let lines = 0;
    const countLines = (text: string) => {
      lines += 1;
      return text.split('\n').filter(Boolean);
    };
    const firstLine = (text: string) => text.split('\n')[0];
    expect(loadLocaleText('en-GB', 'list.txt', countLines, dir)).toEqual(['one', 'two']);
    expect(loadLocaleText('en-US', 'list.txt', countLines, dir)).toEqual(['one', 'two']);
    expect(lines).toBe(1);
    expect(loadLocaleText('en-GB', 'list.txt', firstLine, dir)).toBe('one');
  });

  it("gives a locale's own file only when it has one, with no fallback", () => {
    expect(ownLocaleFile('fr', 'notes.json', dir)).toBe(localeFilePath('fr', 'notes.json', dir));
    expect(ownLocaleFile('fr', 'list.txt', dir)).toBeUndefined();
    expect(readOwnLocaleText('fr', 'list.txt', dir)).toBeUndefined();
    expect(readOwnLocaleText('en-GB', 'list.txt', dir)).toBe('one\ntwo\n');
    expect(loadOwnLocaleData('de', 'notes.json', (json) => json, dir)).toBeUndefined();
  });

  it("reads a locale's folder of JSON files in name order, and nothing else in it", () => {
    expect(readOwnLocaleFolder('en-GB', 'parts', dir).map(({ name, text }) => [name, JSON.parse(text)])).toEqual([
      ['a', { n: 1 }],
      ['b', { n: 2 }],
    ]);
    expect(readOwnLocaleFolder('fr', 'parts', dir)).toEqual([]);
  });
});
