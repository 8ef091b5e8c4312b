/**
 * The clinic's opening hours, from CLINIC_HOURS ("Mon-Fri 09:00-17:00; Sat 10:00-13:00"), and
 * whether it is open at a given moment in the clinic's time zone. Pure: the moment is passed in.
 * People are told honestly whether anyone is there now, and when the clinic opens next.
 */

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];

export interface OpeningSpan {
  day: Day;
  /** Minutes after midnight, local time. */
  opens: number;
  closes: number;
}

export type ClinicHours = OpeningSpan[];

function dayIndex(word: string): number {
  const index = DAYS.indexOf(word.slice(0, 3).toLowerCase() as Day);
  if (index < 0) throw new Error(`"${word}" is not a day (use Mon, Tue, Wed, Thu, Fri, Sat or Sun)`);
  return index;
}

function minutes(time: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!match) throw new Error(`"${time}" is not a time (use 24-hour HH:MM)`);
  const [hours, mins] = [Number(match[1]), Number(match[2])];
  if (hours > 24 || mins > 59 || (hours === 24 && mins > 0)) throw new Error(`"${time}" is not a time of day`);
  return hours * 60 + mins;
}

/** Parses CLINIC_HOURS; throws a short message naming the part it could not read. */
export function parseClinicHours(text: string): ClinicHours {
  const spans: ClinicHours = [];
  for (const part of text.split(';').map((piece) => piece.trim()).filter(Boolean)) {
    const match = /^([A-Za-z,\- ]+?)\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/.exec(part);
    if (!match) throw new Error(`"${part}" should look like "Mon-Fri 09:00-17:00"`);
    const [, dayText, openText, closeText] = match;
    const opens = minutes(openText);
    const closes = minutes(closeText);
    if (closes <= opens) throw new Error(`"${part}" closes before it opens`);
    for (const range of dayText.split(',').map((piece) => piece.trim()).filter(Boolean)) {
      const [first, last] = range.split('-').map((piece) => piece.trim());
      const from = dayIndex(first);
      const to = last ? dayIndex(last) : from;
      for (let i = from; ; i = (i + 1) % 7) {
        spans.push({ day: DAYS[i], opens, closes });
        if (i === to) break;
      }
    }
  }
  if (spans.length === 0) throw new Error('names no opening times');
  return spans;
}

/** The weekday and minutes after midnight of a moment, in a time zone. */
function localTime(now: Date, timeZone: string): { day: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const value = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return { day: dayIndex(value('weekday')), minute: Number(value('hour')) * 60 + Number(value('minute')) };
}

export interface OpeningState {
  open: boolean;
  /** When it opens next, if it is closed now: the day (0 = today, 1 = tomorrow, else the weekday) and time. */
  next?: { day: Day; inDays: number; opens: number };
}

export function openingState(hours: ClinicHours, now: Date, timeZone: string): OpeningState {
  const { day, minute } = localTime(now, timeZone);
  if (hours.some((span) => DAYS.indexOf(span.day) === day && span.opens <= minute && minute < span.closes)) return { open: true };
  for (let inDays = 0; inDays <= 7; inDays += 1) {
    const weekday = DAYS[(day + inDays) % 7];
    const later = hours
      .filter((span) => span.day === weekday && (inDays > 0 || span.opens > minute))
      .sort((a, b) => a.opens - b.opens)[0];
    if (later) return { open: false, next: { day: weekday, inDays, opens: later.opens } };
  }
  return { open: false };
}

/** "9am", "1:30pm": how the copy says a time. */
export function spokenTime(minute: number): string {
  const hours = Math.floor(minute / 60);
  const mins = minute % 60;
  const suffix = hours >= 12 && hours < 24 ? 'pm' : 'am';
  const twelve = hours % 12 === 0 ? 12 : hours % 12;
  return mins === 0 ? `${twelve}${suffix}` : `${twelve}:${String(mins).padStart(2, '0')}${suffix}`;
}
