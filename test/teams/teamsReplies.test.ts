import { privacyAnswer, sharedRiskReply, supportLines, type TeamsCopyContext } from '../../bots/teams/teamsReplies';

const service = { name: 'Acme Employee Assistance', phone: '0800 123 4567', url: 'https://eap.acme.example' };
const copy = (workplace: TeamsCopyContext['workplace'], clinic: TeamsCopyContext['clinic'] = { name: 'the clinic' }): TeamsCopyContext => ({
  locale: 'en-GB',
  clinic,
  workplace,
});

describe('Teams replies', () => {
  it('orders the support as configured, with the number and address as text', () => {
    expect(supportLines(copy({ supportFirst: 'nhs' }))).toEqual([expect.stringContaining('NHS Talking Therapies')]);
    const nhsFirst = supportLines(copy({ name: 'Acme Ltd', support: service, supportFirst: 'nhs' }));
    expect(nhsFirst).toEqual([expect.stringContaining('NHS Talking Therapies'), 'Acme Employee Assistance at Acme Ltd: call 0800 123 4567, or see https://eap.acme.example']);
    const workFirst = supportLines(copy({ name: 'Acme Ltd', support: { name: 'Acme EAP', url: 'https://eap.acme.example' }, supportFirst: 'workplace' }));
    expect(workFirst).toEqual(['Acme EAP at Acme Ltd: https://eap.acme.example', expect.stringContaining('NHS Talking Therapies')]);
  });

  it('privacy: default names read as sentences, and an unconfigured link is left out, never relative', () => {
    const text = privacyAnswer(copy({ supportFirst: 'nhs' }), 'personal').text ?? '';
    expect(text).toContain("- At your workplace, your manager and colleagues can't see it.");
    expect(text).toContain('- The clinic runs this bot.');
    expect(text).not.toMatch(/\]\(\/|Privacy notice|Terms of use/);
    const linked = privacyAnswer(copy({ supportFirst: 'nhs' }, { name: 'the clinic', privacyUrl: 'https://c.example/p' }), 'personal').text ?? '';
    expect(linked).toContain('[Privacy notice](https://c.example/p)');
    expect(linked).not.toContain('Terms of use');
  });

  it('risk in a shared space: the workplace service joins the urgent lines, NHS Talking Therapies (not a crisis service) does not', () => {
    const risk = { category: 'suicide' as const, severity: 'immediate' as const, matched: ['x'], negated: false };
    const text = sharedRiskReply(copy({ name: 'Acme Ltd', support: service, supportFirst: 'nhs' }), risk, 'https://teams.microsoft.com/l/chat/0/0?users=28:x').text ?? '';
    expect(text).toContain('0800 123 4567');
    expect(text).not.toContain('NHS Talking Therapies');
    expect(text).not.toMatch(/Childline|Papyrus|jo@samaritans/);
    const abuse = sharedRiskReply(copy({ supportFirst: 'nhs' }), { ...risk, category: 'abuse' }, 'link').text ?? '';
    expect(abuse).toContain('0808 2000 247');
  });
});

describe('risk in a shared space is short', () => {
  const risk = { category: 'suicide' as const, severity: 'immediate' as const, matched: ['x'], negated: false };
  const count = (text: string, number: string) => text.split(number).length - 1;

  it.each([
    ['a clear risk', risk],
    ['a gentle signal', { ...risk, negated: true }],
    ['abuse', { ...risk, category: 'abuse' as const }],
  ])('%s: at most 80 words, 999 first and once, every number once', (_name, assessment) => {
    const text = sharedRiskReply(copy({ supportFirst: 'nhs' }), assessment, 'https://teams.microsoft.com/l/chat/0/0?users=28:x').text ?? '';
    expect(text.split(/\s+/).filter((word) => /[a-z]/i.test(word)).length).toBeLessThanOrEqual(80);
    expect(count(text, '999')).toBe(1);
    expect(text.indexOf('999')).toBeLessThan(text.indexOf('116 123'));
    for (const number of ['111', '116 123', '85258', '0808 808 8000']) expect(count(text, number)).toBe(1);
  });
});
