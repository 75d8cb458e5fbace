// Pure rules of transfers (인사발령): when to announce, when to ask for a
// successor, when the regular reshuffles come. No I/O.
import { isWorkingDay, nextWorkingDay, previousWorkingDay, type Closures } from '../../core/calendar/holidays.ts';
import { addDays, seoulDate, seoulInstant, type IsoDate } from '../../core/calendar/index.ts';
import { UserError } from '../../core/errors.ts';

/** Leaving the network instead of moving to another post. */
export type LeaveReason = 'retired' | 'leave' | 'seconded';
export type TransferStatus = 'draft' | 'pending' | 'planned' | 'done' | 'cancelled';

/** Announcements go out in office hours on a working day, never on a holiday. */
export const ANNOUNCE_TIME = '09:00';
const OFFICE_CLOSES = '18:00';

/**
 * When an announcement asked for `wanted` actually goes out: at once on a
 * working day during office hours, else 09:00 of the next working day.
 */
export function announceInstant(wanted: Date, closures: Closures): Date {
  const day = seoulDate(wanted);
  if (isWorkingDay(day, closures)) {
    if (wanted < seoulInstant(day, ANNOUNCE_TIME)) return seoulInstant(day, ANNOUNCE_TIME);
    if (wanted < seoulInstant(day, OFFICE_CLOSES)) return wanted;
  }
  return seoulInstant(nextWorkingDay(day, closures), ANNOUNCE_TIME);
}

/** 09:00 of the last working day before the effective date (`announce=before`). */
export function lastWorkingDayBefore(effective: IsoDate, closures: Closures): Date {
  return seoulInstant(previousWorkingDay(effective, closures), ANNOUNCE_TIME);
}

/** Three working days before the effective date, 09:00: the head is asked to name a successor if none is. */
export function successorReminderDay(effective: IsoDate, closures: Closures): IsoDate {
  let day = effective;
  for (let n = 0; n < 3; n++) day = previousWorkingDay(day, closures);
  return day;
}

/** Handover follow-ups after the effective date: reminders on D+3 and D+7, the head's summary on D+14. */
export const FOLLOW_UPS = [3, 7, 14] as const;

/** The regular reshuffles take effect on 1 January and 1 July; heads are asked about two weeks before. */
export function nextReshuffle(today: IsoDate): { effective: IsoDate; ask: IsoDate } {
  const year = Number(today.slice(0, 4));
  const candidates = [`${year}-07-01`, `${year + 1}-01-01`, `${year + 1}-07-01`];
  for (const effective of candidates) {
    const ask = addDays(effective, -14);
    if (ask >= today) return { effective, ask };
  }
  throw new Error('unreachable: a reshuffle is always within a year');
}

/** `/transfer tick` numbers: "1,3 4", or all (모두, 전부) of a checklist of `count` lines. */
export function checklistNumbers(id: number, text: string, count: number): number[] {
  if (/^(all|모두|전부)$/i.test(text.trim())) return Array.from({ length: count }, (_, i) => i + 1);
  return text
    .split(/[,\s]+/)
    .filter(Boolean)
    .map((word) => {
      if (!/^\d{1,3}$/.test(word)) throw new UserError('transfer.badItems', { id });
      return Number(word);
    });
}
