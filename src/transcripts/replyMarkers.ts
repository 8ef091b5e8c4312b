/**
 * Marks on outgoing activities, as symbol-keyed properties: they survive the copy botbuilder makes
 * when sending (Object.assign copies enumerable symbols) and never reach the wire (JSON ignores them).
 */

const URGENT = Symbol.for('ipt-guide.urgentReply');

/** A reply that must go out at once and never wait for a state save: the crisis routes. */
export function urgent<T extends object>(activity: T): T {
  Object.defineProperty(activity, URGENT, { value: true, enumerable: true, configurable: true });
  return activity;
}

export function isUrgent(activity: object): boolean {
  return (activity as Record<symbol, unknown>)[URGENT] === true;
}
