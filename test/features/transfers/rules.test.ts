// When transfers are announced and followed up: working days, holidays, reshuffles.
import { describe, expect, it } from 'vitest';
import { formatSeoulDateTime, seoulInstant } from '../../../src/core/calendar/index.ts';
import { announceInstant, lastWorkingDayBefore, nextReshuffle, successorReminderDay } from '../../../src/features/transfers/rules.ts';

const none = new Set<string>();
const at = (date: string, time: string) => formatSeoulDateTime(announceInstant(seoulInstant(date, time), none));

describe('transfer timing', () => {
  it('announces at once in office hours, else at 09:00 of the next working day, never on a holiday', () => {
    expect(at('2026-11-25', '10:00')).toBe('2026-11-25 10:00'); // Wednesday, office hours
    expect(at('2026-11-25', '07:30')).toBe('2026-11-25 09:00'); // before the office opens
    expect(at('2026-11-25', '19:00')).toBe('2026-11-26 09:00'); // after it closes
    expect(at('2026-11-28', '10:00')).toBe('2026-11-30 09:00'); // Saturday
    expect(at('2026-12-24', '18:30')).toBe('2026-12-28 09:00'); // Christmas, then the weekend
    expect(formatSeoulDateTime(announceInstant(seoulInstant('2026-11-26', '10:00'), new Set(['2026-11-26'])))).toBe('2026-11-27 09:00'); // a closure
  });

  it('the last working day before the effective date, and three working days before it', () => {
    expect(formatSeoulDateTime(lastWorkingDayBefore('2027-01-01', none))).toBe('2026-12-31 09:00');
    expect(formatSeoulDateTime(lastWorkingDayBefore('2027-01-04', none))).toBe('2026-12-31 09:00'); // over New Year and a weekend
    expect(successorReminderDay('2027-01-04', none)).toBe('2026-12-29');
    expect(successorReminderDay('2026-12-03', none)).toBe('2026-11-30');
  });

  it('the next regular reshuffle is asked about two weeks before 1 January and 1 July', () => {
    expect(nextReshuffle('2026-11-30')).toEqual({ effective: '2027-01-01', ask: '2026-12-18' });
    expect(nextReshuffle('2026-12-18')).toEqual({ effective: '2027-01-01', ask: '2026-12-18' });
    expect(nextReshuffle('2026-12-19')).toEqual({ effective: '2027-07-01', ask: '2027-06-17' });
    expect(nextReshuffle('2027-06-18')).toEqual({ effective: '2028-01-01', ask: '2027-12-18' });
  });
});
