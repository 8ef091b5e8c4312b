import { detectRisk } from '../../src/safety/detectRisk';
import { safetyMode } from '../../src/safety/safetyReply';

/**
 * Past and over is read in the passage that carries the risk: a long message's other sentences
 * about this week's work ("we've got an away day next week", "I started IPT last month") do not
 * undo it, while risk that is current anywhere in the same message still wins.
 */

const intro = 'Hi, I work on the tills at a garden centre and I started the IPT sessions last month. My manager keeps changing the rota. ';
const outro = ' We have got a stocktake next week and I am dreading it. Can I do the sessions on a video call?';

function modeOf(text: string): string {
  const found = detectRisk(text);
  return found === null ? 'none' : safetyMode(found);
}

describe('past and over inside a longer message', () => {
  it.each([
    'I took an overdose in 2011 after my divorce and I have been well ever since.',
    'When I was at college I went through a spell of cutting. It is long behind me now.',
    'I tried to end my life when I was 22. That was over fifteen years ago and I am in a very good place now.',
    'My first partner used to hit me. I left him a long time ago and I have been safe for years.',
    'I had a heart attack at work four years ago and I have fully recovered.',
    'I harmed myself during my exams at school. I am 38 now and it has not been an issue for a very long time.',
    'I was rough with my mum once when she was ill and I was exhausted. I got help straight away and it never happened again.',
  ])('"%s" in a work message gets no safety dialog', (past) => {
    expect(modeOf(intro + past + outro)).toBe('past');
  });

  it.each([
    ['a new act', 'Last night I cut my arms again.'],
    ['the risk said to be back', 'It has all come back this month and I cannot stop thinking about it.'],
    ['a wish now', 'Tonight I want to die.'],
    ['an overdose just taken', 'I took a load of tablets a little while ago.'],
  ])('the same message with %s as well is current', (_kind, now) => {
    const past = 'I took an overdose in 2011 after my divorce and I have been well ever since. ';
    const found = detectRisk(intro + past + now + outro);
    expect(found).toMatchObject({ when: 'current' });
    expect(safetyMode(found!)).toBe('handoff');
  });

  it('a crisis a few days ago with "I think I am ok now" is not past and over', () => {
    expect(detectRisk(`${intro}On Saturday night I looked up which car parks are tall enough to jump from. I think I am ok now.${outro}`)).toMatchObject({ when: 'current' });
  });

  it('someone getting closer is danger now, even with "since I left" in the sentence', () => {
    expect(detectRisk(`${intro}A man has been following me since I left the shop and he is getting closer.${outro}`)).toMatchObject({ when: 'current' });
  });
});
