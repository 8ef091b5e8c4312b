/**
 * Today's date, handed to the logic that needs it ("since Christmas" depends on when it is said),
 * so that logic stays pure and tests can fix the day.
 */
export type Clock = () => Date;

/** The real time: used only where the app is put together. */
export const systemClock: Clock = () => new Date();
