import { readNationLineRequest } from '../../src/safety/routeRequest';
import { nationsNamed } from '../../src/language/entities';
import { say, textOf } from './safetyDialogHarness';
import { crisisBot, sayOnce } from './crisisDialogSupport';

/**
 * Asking for a nation's own line ("have you got a welsh one"), in or out of a crisis reply, and the
 * lines for later asked in passing with a place ("i'm in omagh, not needing it now, but what's the
 * line in case i ever do"). The nation asked about is kept, so later replies fit it.
 */

describe('reading a request for a nation\'s own lines (pure)', () => {
  it.each([
    ['got a number for scotland at all', 'scotland', '0800 83 85 87'],
    ['any welsh helpline or just the uk ones', 'wales', '111'],
    ['whats the crisis line in northern ireland', 'northern_ireland', '0808 808 8000'],
    ['is there a number for NI or is it the english one', 'northern_ireland', '0808 808 8000'],
  ])('%j asks for %s', (text, nation) => {
    const request = readNationLineRequest(text, 'en-GB');
    expect(request?.nation).toBe(nation);
    expect(request?.ids.length).toBeGreaterThan(0);
  });

  it('gives Scotland its own extra line beside NHS 24', () => {
    expect(readNationLineRequest('number for scotland?', 'en-GB')?.ids).toEqual(expect.arrayContaining(['nhs24_scotland', 'breathing_space']));
  });

  it('names the first nation asked about, not one set against it', () => {
    expect(nationsNamed('a scottish line or only english ones')).toEqual(['scotland', 'england']);
  });

  it.each([
    'whats the number for talking therapies in wales',
    'phone number for a gp in scotland',
    'i live in scotland',
    'how do i get ipt in wales',
    'what number session is it in scotland usually',
  ])('%j is no request for lines', (text) => {
    expect(readNationLineRequest(text, 'en-GB')?.nation).toBeUndefined();
  });

  it.each([
    ["i'm ok at the moment, but what's the number in case i ever need it", 'northern_ireland', 'lifeline_ni'],
    ['fine for now. which line would i ring if im ever in crisis', 'wales', 'nhs111_wales'],
  ] as const)('%j: the lines for later, for the person\'s own nation', (text, nation, line) => {
    const request = readNationLineRequest(text, 'en-GB', nation);
    expect(request?.nation).toBeUndefined();
    expect(request?.ids).toEqual(expect.arrayContaining(['emergency', line, 'samaritans']));
  });

  it.each(['whats the clinic number in case i need to cancel', 'what if my number changes'])('%j is not about crisis lines', (text) => {
    expect(readNationLineRequest(text, 'en-GB')).toBeUndefined();
  });
});

const OPENER = 'no reason to keep going any more, nobody round here for miles';
const OWN_RISK = { category: 'suicide' as const, severity: 'concern' as const, who: 'self' as const };

describe('in a crisis reply, a nation\'s own line', () => {
  it('gets that nation\'s lines and keeps the nation for what follows', async () => {
    const adapter = await crisisBot({ [OPENER]: OWN_RISK }, {});
    await say(adapter, OPENER);
    const asked = textOf(await sayOnce(adapter, 'have you got a scottish number or are they all english'));
    expect(asked).toMatch(/0800 83 85 87/);
    expect(asked).toMatch(/NHS 24/);
    expect(asked).not.toMatch(/0808 808 8000/);
    // A later list of lines fits Scotland, not every nation.
    const later = textOf(await sayOnce(adapter, 'what if it gets bad again tonight'));
    expect(later).toMatch(/NHS 24/);
    expect(later).not.toMatch(/Lifeline/);
  });

  it('asking for Northern Ireland\'s line gets Lifeline, with no Scottish line', async () => {
    const adapter = await crisisBot({ [OPENER]: OWN_RISK }, {});
    await say(adapter, OPENER);
    const asked = textOf(await sayOnce(adapter, 'is there a northern ireland helpline'));
    expect(asked).toMatch(/0808 808 8000/);
    expect(asked).not.toMatch(/Breathing Space/);
  });
});

describe('outside a crisis, a place and the lines for later in one message', () => {
  it('notes the place and gives its lines, with no crisis hand-off', async () => {
    const adapter = await crisisBot({}, {});
    const replies = await say(adapter, "live in enniskillen. all fine right now, but what's the number just in case");
    const text = textOf(replies);
    expect(text).toMatch(/Enniskillen/);
    expect(text).toMatch(/0808 808 8000/);
    expect(replies.filter((reply) => reply.type === 'event')).toHaveLength(0);
  });
});
