// The week in a digest's title, counted as Korean calendars do: a week belongs
// to the month of its Thursday, and the week of the first Thursday is 1주차.
import { describe, expect, it } from 'vitest';
import { weekLabel } from '../../../src/features/digests/rules.ts';

describe('weekLabel', () => {
  it.each([
    ['2026-11-23', 11, 4],
    ['2026-11-30', 12, 1], // Thursday 12-03: December's first week
    ['2026-12-07', 12, 2],
    ['2026-12-14', 12, 3],
    ['2026-12-28', 12, 5], // Thursday 12-31
    ['2027-01-04', 1, 1], // Thursday 01-07; 2026-12-28 belonged to December
    ['2026-06-29', 7, 1], // Thursday 07-02
    ['2026-06-01', 6, 1],
  ] as const)('the week of Monday %s is %i월 %i주차', (monday, month, week) => {
    expect(weekLabel(monday)).toEqual({ month, week });
  });
});
