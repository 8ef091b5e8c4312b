import { detectRisk } from '../../src/safety/detectRisk';

/**
 * Past and over said in plain terms, the way people who are well now put it: a year or season
 * then, and how life is since ("twelve years on, remarried", "got a flat and a job", "stopped ages
 * ago", Welsh "ers dwy flynedd" with "I'm much better now"). Each gets no hand-off. The same words
 * with a sign of now stay current.
 */
describe('past and over, said plainly', () => {
  it.each([
    'took an overdose in 2012 when the business went under. twelve years on, remarried and running a cafe. can ipt help with stress?',
    'the winter before last i wanted to end it all. got a flat and a job since then and things are so much better now. can i still do ipt',
    'i was self harming when i started on nights at the hospital years ago. i stopped a long time ago. does ipt suit someone who is well?',
    'Dw i wedi stopio hunan-niweidio ers dwy flynedd, im much better now. oes ipt yn gymraeg?',
    'roeddwn i eisiau marw pan oeddwn yn ifanc ond dw i n iawn rwan',
  ])('%j is past, never the hand-off', (text) => {
    const found = detectRisk(text);
    expect(found).not.toBeNull();
    expect(found).toMatchObject({ when: 'past', severity: 'concern' });
  });

  it.each([
    'i stopped my meds a long time ago and tonight i want to die',
    'dwi isio marw heno',
    'things are so much better now but i want to die again',
    'started on nights last week and the urges to cut are back',
    'dw i wedi bod yn hunan-niweidio ers tair blynedd',
  ])('%j stays current', (text) => {
    expect(detectRisk(text)).toMatchObject({ when: 'current' });
  });

  it('a first holiday after a death from old age is grief, not risk', () => {
    expect(detectRisk("our first bonfire night without grandad, he died peacefully in the spring, so we're all at my sister's")).toBeNull();
  });
});
