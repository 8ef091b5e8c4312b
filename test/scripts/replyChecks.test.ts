import { runCheck, sameAsBefore, viewOf } from '../../scripts/lib/replyChecks';
import type { ReceivedActivity } from '../support/connectorStub';

const message = (text: string, extra: Partial<ReceivedActivity> = {}): ReceivedActivity => ({ type: 'message', text, ...extra });
const view = (...activities: ReceivedActivity[]) => viewOf(activities);

describe('reply checks used by eval:api and the blind script sets', () => {
  it('finds route numbers however they are spaced, in text, buttons and cards', () => {
    const v = view(
      message('Call Samaritans on 116 123.', { suggestedActions: { actions: [{ title: 'Call 999', value: 'tel:999' }] } }),
      { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { body: [{ type: 'TextBlock', text: 'Childline: 0800 1111' }] } }] },
    );
    expect(runCheck('mentionsSamaritans', v)).toBeUndefined();
    expect(runCheck('mentions999', v)).toBeUndefined();
    expect(runCheck('mentionsChildline', v)).toBeUndefined();
    expect(runCheck('mentionsLifeline', v)).toBe('no 08088088000');
    expect(runCheck('safetyResponse', v)).toBeUndefined();
  });

  it("does not count a card's fallback text, which is shown only where the card cannot be", () => {
    const card = { contentType: 'application/vnd.microsoft.card.adaptive', content: { fallbackText: 'Samaritans 116 123', body: [{ type: 'TextBlock', text: 'Tap to call' }] } };
    expect(runCheck('noRepeatNumber', view(message('Samaritans: 116 123'), { type: 'message', attachments: [card] }))).toBeUndefined();
  });

  it('counts a route once when its line names the number twice', () => {
    expect(runCheck('noRepeatNumber', view(message('- NHS 111: call 111. Any time.')))).toBeUndefined();
    expect(runCheck('noRepeatNumber', view(message('Call 999 now.\n- Emergency: call 999')))).toBe('repeats 999');
  });

  it('does not read one number inside a longer one', () => {
    expect(runCheck('mentions111', view(message('Ring 0808 111 2222')))).toBe('no 111');
    expect(runCheck('mentions999', view(message('Call 9999 for the canteen')))).toBe('no 999');
  });

  it('counts a number printed in a text and again in a card as a repeat, but not a button that repeats it', () => {
    const card = { contentType: 'application/vnd.microsoft.card.adaptive', content: { body: [{ type: 'TextBlock', text: 'Samaritans 116 123' }], actions: [{ type: 'Action.OpenUrl', title: 'Call 116 123' }] } };
    expect(runCheck('noRepeatNumber', view(message('Samaritans: 116 123'), { type: 'message', attachments: [card] }))).toBe('repeats 116123');
    expect(runCheck('noRepeatNumber', view(message('Samaritans: 116 123', { suggestedActions: { actions: [{ title: 'Call 116 123' }] } })))).toBeUndefined();
  });

  it('tells the emergency event apart from text', () => {
    const v = view({ type: 'event', name: 'emergencySupport' }, message('I am here with you.'));
    expect(runCheck('emergencyEvent', v)).toBeUndefined();
    expect(runCheck('noEmergencyEvent', v)).toBe('emergencySupport event sent');
    expect(runCheck('noSafetyResponse', view(message('IPT is a talking therapy.')))).toBeUndefined();
  });

  it('catches a claim of safety, a goodbye and a fallback', () => {
    expect(runCheck('noSafeClaim', view(message("Thank you. I'm glad you're safe right now.")))).toBe('says the person is safe');
    expect(runCheck('noSafeClaim', view(message('Are you safe right now?')))).toBeUndefined();
    expect(runCheck('noGoodbye', view(message('Thanks for chatting. Goodbye!')))).toBe('says goodbye');
    expect(runCheck('noFallback', view(message("Sorry, I didn't catch that.")))).toBe('a fallback reply');
    expect(runCheck('notMentionsSelfReferral', view(message('You can refer yourself without seeing a GP.')))).toBe('says you can refer yourself');
  });

  it('reads word lists, length and questions, and fails loudly on an unknown check', () => {
    const v = view(message('It is free on the NHS. Would you like to know more?'));
    expect(runCheck({ mentionsAny: ['FREE', 'no cost'] }, v)).toBeUndefined();
    expect(runCheck({ notMentionsAny: ['free'] }, v)).toBe('mentions "free"');
    expect(runCheck('asksQuestion', v)).toBeUndefined();
    expect(runCheck('short', view(message('word '.repeat(121))))).toBe('121 words');
    expect(runCheck('mentionsEverything', v)).toBe('unknown check "mentionsEverything"');
  });

  it('notices the same reply twice in a row', () => {
    const a = view(message('Sorry, could you say that another way?'));
    expect(sameAsBefore(a, view(message('Sorry, could you say that another way?')))).toBe(true);
    expect(sameAsBefore(a, view(message('Here are some things I can help with.')))).toBe(false);
    expect(sameAsBefore(undefined, a)).toBe(false);
  });
});
