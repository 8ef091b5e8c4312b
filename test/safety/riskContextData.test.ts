import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCALES_DIR } from '../../src/projectRoot';
import { loadRiskContext, parseRiskContext, RISK_CONTEXT_FILE } from '../../src/safety/riskContextData';

const REAL = JSON.parse(readFileSync(join(LOCALES_DIR, 'en-GB', RISK_CONTEXT_FILE), 'utf8')) as {
  patterns: Record<string, unknown>;
  words: Record<string, unknown>;
};

describe('risk context phrases (locales/en-GB/risk-context.json)', () => {
  it('loads, and every pattern and word list it holds is there to use', () => {
    const phrases = loadRiskContext();
    for (const key of Object.keys(REAL.patterns)) expect(phrases.regex(key, 'g')).toBeInstanceOf(RegExp);
    for (const key of Object.keys(REAL.words)) expect(phrases.words(key).length).toBeGreaterThan(0);
  });

  it('puts fragments into patterns and alternatives inside their wrap', () => {
    const phrases = parseRiskContext(
      {
        fragments: { PET: { pattern: '(?:cat|dog)' } },
        patterns: { OWNED: { alternatives: [{ pattern: 'my {PET}', why: 'a pet of mine' }, { pattern: 'our {PET}' }], wrap: { pattern: '^{alternative}$' } } },
        words: { SMALL: ['mouse'] },
      },
      'test.json',
    );
    expect(phrases.regex('OWNED').test('our dog')).toBe(true);
    expect(phrases.regex('OWNED').test('my cat sat')).toBe(false);
    expect(phrases.words('SMALL')).toEqual(['mouse']);
  });

  it('asking for a key the file lacks names the file and the key', () => {
    const phrases = parseRiskContext({ fragments: {}, patterns: {}, words: {} }, 'test.json');
    expect(() => phrases.regex('NOWHERE')).toThrow('test.json: patterns.NOWHERE is missing');
    expect(() => phrases.words('NOWHERE')).toThrow('test.json: words.NOWHERE is missing');
  });

  it('a fragment that does not exist is named with its key', () => {
    expect(() => parseRiskContext({ fragments: {}, patterns: { LOST: { pattern: 'a {GHOST}' } }, words: {} }, 'test.json')).toThrow(
      'test.json: patterns.LOST: unknown fragment {GHOST}',
    );
  });

  describe('a bad pattern in a locales folder', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'risk-context-'));
      mkdirSync(join(dir, 'en-GB'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('stops the load with one line naming the file, the key and the error', () => {
      const broken = { fragments: {}, patterns: { FINE: { pattern: 'ok' }, BROKEN: { alternatives: [{ pattern: 'fine' }, { pattern: '(?:unclosed' }] } }, words: {} };
      writeFileSync(join(dir, 'en-GB', RISK_CONTEXT_FILE), JSON.stringify(broken));
      let message = '';
      try {
        loadRiskContext(dir);
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message).toMatch(/^locales\/en-GB\/risk-context\.json: patterns\.BROKEN\[1\]: invalid regular expression: .+$/);
      expect(message).not.toContain('\n');
    });

    it('a misshapen entry is named by its path', () => {
      writeFileSync(join(dir, 'en-GB', RISK_CONTEXT_FILE), JSON.stringify({ fragments: {}, patterns: { EMPTY: { pattern: '' } }, words: {} }));
      expect(() => loadRiskContext(dir)).toThrow(/^locales\/en-GB\/risk-context\.json: patterns\.EMPTY/);
    });
  });
});
