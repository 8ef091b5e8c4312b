import { englishPart } from '../../src/language/englishPart';
import { languageMarkers } from '../../src/content/languageNotice';
import { loadEnglishWords } from '../../src/language/slips';

const markers = languageMarkers();
const english = loadEnglishWords();
const part = (text: string): string => englishPart(text, markers, english);

describe('englishPart: the English question inside a mixed message', () => {
  it('sets the Welsh words aside when a Welsh clause comes before an English question', () => {
    const out = part('dw i ddim yn siwr, how long does the therapy last');
    expect(out).toContain('how long does the therapy last');
    expect(out).not.toMatch(/\bddim\b|\bdw\b/);
  });

  it('sets the Welsh words aside when they follow the English question', () => {
    const out = part('can i see someone in person diolch yn fawr');
    expect(out).toContain('can i see someone in person');
    expect(out).not.toMatch(/diolch/);
  });

  it('leaves an English-only message as it is, typos and all', () => {
    for (const text of ['my dad is poorly and i am worried', 'how much dose it cost privatly', 'am i too old for ipt']) {
      expect(part(text)).toBe(text);
    }
  });

  it('keeps a message whole when too little English would be left (the Welsh notice is for those)', () => {
    const text = 'beth ydy hyn? diolch';
    expect(part(text)).toBe(text);
  });

  it('does not treat English words that are also Welsh markers as foreign', () => {
    // "dad" and "am" are on the Welsh list but are English words too.
    expect(markers.get('cy')?.has('dad')).toBe(true);
    expect(part('my dad and i am not talking')).toBe('my dad and i am not talking');
  });
});
