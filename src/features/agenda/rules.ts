// Pure rules of case-conference agendas: the intake window, the case-code
// format, the order of the compiled agenda. No I/O.
import { createRequire } from 'node:module';
import type { RE2 } from 're2-wasm';
import { previousWorkingDay, type Closures } from '../../core/calendar/holidays.ts';
import { addDays, seoulInstant, type IsoDate } from '../../core/calendar/index.ts';

export type CaseStage = 'intake' | 'reception' | 'assessment' | 'conference' | 'planning' | 'intervention' | 'review' | 'closing' | 'aftercare';
export type CaseType = 'general' | 'complex' | 'emergency';
export type Decision = 'selected' | 'hold' | 'again' | 'closed' | 'referred' | 'other';

export const DEFAULT_AGENDA_DAYS = 7;
export const DEFAULT_CLOSE_TIME = '17:00';
/** Summaries and questions are deleted this long after the meeting; codes, stages, decisions and dates stay. */
export const DEFAULT_RETENTION_DAYS = 90;
/** The default case-code format: year, a district or dong word, a number — e.g. 2026-모라3-014. */
export const DEFAULT_CODE_PATTERN = '^\\d{4}-[가-힣A-Za-z0-9]{1,12}-\\d{1,5}$';
export const DEFAULT_CODE_EXAMPLE = '2026-모라3-014';
export const DEFAULT_RISK_LEVELS = ['고', '중', '저'];

/** Days before the meeting an agenda opens: the series' own setting, else 7 for case conferences, else none. */
export function agendaDays(series: { kind: string; agendaDays: number | null }): number {
  return series.agendaDays ?? (series.kind === 'case-conference' ? DEFAULT_AGENDA_DAYS : 0);
}

/**
 * The intake window of a meeting on `date`: opens `days` before at 09:00,
 * closes at `closeTime` on the working day before the meeting; the silent
 * agencies are reminded at about 80% of the window.
 */
export function intakeWindow(date: IsoDate, days: number, closeTime: string, closures: Closures): { opensAt: Date; closesAt: Date; remindAt: Date } {
  const opensAt = seoulInstant(addDays(date, -days), '09:00');
  let closesAt = seoulInstant(previousWorkingDay(date, closures), closeTime);
  if (closesAt <= opensAt) closesAt = new Date(opensAt.getTime() + 3600_000);
  const remindAt = new Date(opensAt.getTime() + Math.round((closesAt.getTime() - opensAt.getTime()) * 0.8));
  return { opensAt, closesAt, remindAt };
}

// A district's case-code format is a pattern a coordinator types, so it runs
// on RE2 (linear time, no backreferences or lookaround): `^(a+)+$` cannot
// stall the bot on each agenda item as a backtracking RegExp would. The
// WebAssembly module is loaded on the first check, not at start-up.
const require = createRequire(import.meta.url);
let re2: typeof import('re2-wasm').RE2 | undefined;
const compiled = new Map<string, RE2 | undefined>();

/** The district's pattern compiled with RE2, or undefined when RE2 refuses it. (A few districts: the cache stays small.) */
export function compileCodePattern(pattern: string): RE2 | undefined {
  if (!compiled.has(pattern)) {
    re2 ??= (require('re2-wasm') as typeof import('re2-wasm')).RE2;
    let regex: RE2 | undefined;
    try {
      regex = new re2(pattern, 'u');
    } catch {
      regex = undefined;
    }
    if (compiled.size >= 100) compiled.clear();
    compiled.set(pattern, regex);
  }
  return compiled.get(pattern);
}

/** Does a case code fit the district's format? (A bad pattern in the settings falls back to the default.) */
export function caseCodeFits(code: string, pattern: string): boolean {
  const regex = compileCodePattern(pattern) ?? (compileCodePattern(DEFAULT_CODE_PATTERN) as RE2);
  return regex.test(code);
}

/** The compiled agenda's order: emergencies, then by risk (highest first), then by submission. */
export function agendaOrder<T extends { type: string; risk: string; createdAt: Date; id: number }>(items: readonly T[], riskLevels: readonly string[]): T[] {
  const riskRank = (risk: string) => {
    const i = riskLevels.indexOf(risk);
    return i < 0 ? riskLevels.length : i;
  };
  return [...items].sort(
    (a, b) =>
      Number(b.type === 'emergency') - Number(a.type === 'emergency') ||
      riskRank(a.risk) - riskRank(b.risk) ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      a.id - b.id,
  );
}
