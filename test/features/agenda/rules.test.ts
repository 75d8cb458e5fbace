// Intake windows, case-code formats and the order of a compiled agenda.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSeoulDateTime } from '../../../src/core/calendar/index.ts';
import { agendaDays, agendaOrder, caseCodeFits, compileCodePattern, DEFAULT_CODE_PATTERN, intakeWindow } from '../../../src/features/agenda/rules.ts';

const none = new Set<string>();

describe('agenda rules', () => {
  it('opens N days before at 09:00, closes 17:00 on the working day before, reminds at 80%', () => {
    const w = intakeWindow('2026-12-10', 7, '17:00', none); // a Thursday
    expect([formatSeoulDateTime(w.opensAt), formatSeoulDateTime(w.closesAt), formatSeoulDateTime(w.remindAt)]).toEqual([
      '2026-12-03 09:00',
      '2026-12-09 17:00',
      '2026-12-08 10:36',
    ]);
    // A Monday meeting closes on Friday; a holiday in between is skipped.
    expect(formatSeoulDateTime(intakeWindow('2026-12-28', 7, '17:00', none).closesAt)).toBe('2026-12-24 17:00');
  });

  it('case conferences take items by default, other meetups only when turned on', () => {
    expect(agendaDays({ kind: 'case-conference', agendaDays: null })).toBe(7);
    expect(agendaDays({ kind: 'regular', agendaDays: null })).toBe(0);
    expect(agendaDays({ kind: 'regular', agendaDays: 5 })).toBe(5);
    expect(agendaDays({ kind: 'case-conference', agendaDays: 0 })).toBe(0);
  });

  it('case codes: the default format, names refused', () => {
    for (const code of ['2026-모라3-014', '2027-사상-1', '2026-DP1-00012']) expect(caseCodeFits(code, DEFAULT_CODE_PATTERN)).toBe(true);
    for (const code of ['홍길동', '2026-014', '2026 모라3 014', '2026-모라3-014 김영희']) expect(caseCodeFits(code, DEFAULT_CODE_PATTERN)).toBe(false);
    expect(caseCodeFits('SS-2026-001', '^SS-\\d{4}-\\d{3}$')).toBe(true);
  });

  it('a hostile case-code format cannot stall the bot: RE2 runs it in linear time', () => {
    // A backtracking RegExp takes seconds on 30 a's and a b; RE2 answers at once.
    const started = performance.now();
    for (const pattern of ['^(a+)+$', '^(a|a)*$', '^(\\d*)*-$']) {
      expect(compileCodePattern(pattern)).toBeDefined();
      expect(caseCodeFits(`${'a'.repeat(5000)}b`, pattern)).toBe(false);
      expect(caseCodeFits(`${'1'.repeat(5000)}x`, pattern)).toBe(false);
    }
    expect(performance.now() - started).toBeLessThan(1000);
    // What RE2 cannot run is refused when it is set (and falls back to the default if stored).
    for (const pattern of ['(a)\\1', '(?<=a)b', '[']) expect(compileCodePattern(pattern)).toBeUndefined();
    expect(caseCodeFits('2026-모라3-014', '(a)\\1')).toBe(true);
  });

  it('property: emergencies first, then higher risk, then the earlier submission; nothing lost', () => {
    const item = fc.record({ id: fc.nat(), type: fc.constantFrom('general', 'complex', 'emergency'), risk: fc.constantFrom('고', '중', '저'), createdAt: fc.date({ noInvalidDate: true }) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), (items) => {
        const ordered = agendaOrder(items, ['고', '중', '저']);
        expect(ordered).toHaveLength(items.length);
        for (let i = 1; i < ordered.length; i++) {
          const [a, b] = [ordered[i - 1], ordered[i]];
          if (a.type !== 'emergency' && b.type === 'emergency') return false;
        }
        return true;
      }),
    );
  });
});
