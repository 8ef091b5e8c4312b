import { detectRiskLexiconOnly } from '../../src/safety/detectRisk';

/**
 * Sixteenth pass (issue 10): someone else's goodbye followed by shutting themselves away. Read by
 * the lexicon alone; wordings written for this test, with everyday look-alikes beside them.
 */

describe('a goodbye posted or said to a group, then locked away', () => {
  it.each([
    'my housemate put bye everyone on the whatsapp and has locked himself in the loo',
    'our lodger texted a goodbye to the group chat then locked herself in her room',
    'he said goodbye in the family chat and locked himself in the garage',
    'my sister locked herself in the bathroom after sending a goodbye message',
    'he locked himself in his room after saying bye to everyone',
  ])('%j is suicide risk about someone else, now', (text) => {
    const got = detectRiskLexiconOnly(text);
    expect({ category: got?.category, severity: got?.severity, negated: got?.negated }).toEqual({ category: 'suicide', severity: 'immediate', negated: false });
  });

  it.each([
    'she locked herself in her room after saying goodbye to her boyfriend',
    'we said goodbye to the lodger and locked ourselves out by mistake',
    'posted a goodbye to the old house on my story, the new place is lovely',
    'he locked himself in the study to finish his essay',
  ])('%j stays quiet', (text) => {
    expect(detectRiskLexiconOnly(text)?.matched ?? []).toEqual([]);
  });
});

describe('a child who "locked himself in" is not a child disclosing abuse', () => {
  it('shutting oneself away after saying something is quiet', () => {
    expect(detectRiskLexiconOnly('my daughter said sorry to her brother and locked herself in her room')?.matched ?? []).toEqual([]);
  });

  it('a child who says an adult locked them in is still heard', () => {
    const got = detectRiskLexiconOnly('my son told me his stepdad locked him in the shed all afternoon');
    expect({ matched: got?.matched.includes('abuse.child_disclosure'), who: got?.who }).toEqual({ matched: true, who: 'child' });
  });
});
