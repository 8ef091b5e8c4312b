import { MemoryCallbackStore } from '../../src/callbacks/callbackStore';
import { openingState, parseClinicHours, spokenTime } from '../../src/callbacks/clinicHours';
import { ukPhoneNumber } from '../../src/callbacks/phone';

describe('clinic hours', () => {
  const hours = parseClinicHours('Mon-Fri 09:00-17:00; Sat 10:00-13:00');
  // December: London is on GMT, so UTC and local time agree.
  const at = (iso: string) => openingState(hours, new Date(iso), 'Europe/London');

  it('reads ranges, lists and single days', () => {
    expect(hours.map((span) => span.day)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat']);
    expect(parseClinicHours('Mon,Wed 08:30-12:00').map((span) => [span.day, span.opens])).toEqual([
      ['mon', 510],
      ['wed', 510],
    ]);
  });

  it.each([
    ['2026-12-07T10:00:00Z', { open: true }],
    ['2026-12-07T08:00:00Z', { open: false, next: { day: 'mon', inDays: 0, opens: 540 } }],
    ['2026-12-07T17:00:00Z', { open: false, next: { day: 'tue', inDays: 1, opens: 540 } }],
    ['2026-12-05T14:00:00Z', { open: false, next: { day: 'mon', inDays: 2, opens: 540 } }],
    ['2026-12-06T12:00:00Z', { open: false, next: { day: 'mon', inDays: 1, opens: 540 } }],
  ])('at %s', (iso, expected) => {
    expect(at(iso)).toEqual(expected);
  });

  it('uses the clinic time zone (British Summer Time)', () => {
    // 08:30 UTC on a Monday in July is 09:30 in London.
    expect(openingState(hours, new Date('2026-07-06T08:30:00Z'), 'Europe/London').open).toBe(true);
  });

  it('says times the way people say them', () => {
    expect([spokenTime(540), spokenTime(810), spokenTime(720)]).toEqual(['9am', '1:30pm', '12pm']);
  });
});

describe('ukPhoneNumber', () => {
  it.each([
    ['07700 900123', '07700900123'],
    ['my number is +44 7700 900123', '07700900123'],
    ['(020) 7946 0000', '02079460000'],
    ['0044 20 7946 0000', '02079460000'],
    ['01632 960 001 after 2pm', '01632960001'],
    ['07700-900-123', '07700900123'],
  ])('%s -> %s', (text, digits) => {
    expect(ukPhoneNumber(text)).toBe(digits);
  });

  it.each(['999', '116 123', '111', '0800 1111', 'call me tomorrow', '12345678901', '0770090012'])('%s is not a number to call back', (text) => {
    expect(ukPhoneNumber(text)).toBeUndefined();
  });
});

describe('MemoryCallbackStore', () => {
  it('adds, lists oldest first, and marks requests done', async () => {
    const store = new MemoryCallbackStore(() => new Date('2026-12-06T10:00:00Z'));
    const first = await store.add({ phone: '07700900123', when: 'morning', under18: false, conversationId: 'c1' });
    await store.add({ phone: '02079460000', when: 'any', under18: true, conversationId: 'c2' });
    expect(first).toMatchObject({ createdAt: '2026-12-06T10:00:00.000Z', done: false });
    await store.markDone(first.id);
    expect((await store.list()).map((request) => [request.conversationId, request.done])).toEqual([
      ['c1', true],
      ['c2', false],
    ]);
    await expect(store.markDone('nope')).rejects.toThrow(/nope/);
  });
});
