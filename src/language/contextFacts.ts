/**
 * "I've moved" with no new place: the nation we had is out of date, so the bot asks where the
 * person lives now. (Places and ages themselves are read by entities.ts and profileUpdate.ts.) Pure.
 */
import { extractNation } from './entities';

const MOVED = /\b(i'?ve|i have|we'?ve|just|recently)\s+moved\b|\bmoved (house|away|out)\b|\bi (don'?t|do not) live (there|in \w+) any ?more\b|\bnot in \w+ any ?more\b|\bwrong (country|nation|place)\b/i;

export function movedWithoutPlace(text: string): boolean {
  return MOVED.test(text) && extractNation(text) === undefined;
}
