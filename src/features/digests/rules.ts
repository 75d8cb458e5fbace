// Pure rules of weekly digests: which week, when it goes out, how long a section may be.
import { isWorkingDay, nextWorkingDay, type Closures } from '../../core/calendar/holidays.ts';
import { addDays, weekday, type IsoDate } from '../../core/calendar/index.ts';

export const DEFAULT_DIGEST_TIME = '08:30';
/** A section shows this many lines and a count of the rest. */
export const SECTION_LINES = 5;

/** The Monday of the week `date` falls in. */
export function weekStart(date: IsoDate): IsoDate {
  return addDays(date, -weekday(date));
}

/** The day a week's digest goes out: Monday, or the next working day when Monday is a holiday. */
export function digestDay(monday: IsoDate, closures: Closures): IsoDate {
  return isWorkingDay(monday, closures) ? monday : nextWorkingDay(monday, closures);
}

/**
 * `12월 1주차`: a week belongs to the month its Thursday falls in, and the week
 * holding the month's first Thursday is 1주차 (how Korean calendars and
 * offices count; ISO 8601's rule within a month). Monday 2026-11-30 begins
 * 12월 1주차; Monday 2026-12-14 begins 12월 3주차.
 */
export function weekLabel(monday: IsoDate): { month: number; week: number } {
  const thursday = addDays(monday, 3);
  return { month: Number(thursday.slice(5, 7)), week: Math.ceil(Number(thursday.slice(8, 10)) / 7) };
}

/** The first lines of a section and how many more there are. */
export function clip<T>(lines: readonly T[], max = SECTION_LINES): { shown: T[]; more: number } {
  return { shown: lines.slice(0, max), more: Math.max(0, lines.length - max) };
}

/** A person's time, else their organisation's, else 08:30. */
export function digestTime(person: { digestTime: string | null }, org: { digestTime: string | null } | null | undefined): string {
  return person.digestTime ?? org?.digestTime ?? DEFAULT_DIGEST_TIME;
}
