// What `/clock` accepts, as pure functions: a step forward (`+7d`, `+1d2h`,
// `+30m`, `+7일`, `+2시간`, `+1일 2시간`) or a Seoul date and time
// (`2027-01-01 09:00`, `2027-01-01` = midnight).
import { isClockTime, isIsoDate, seoulInstant } from '../../core/calendar/index.ts';

export type ClockTarget = { kind: 'relative'; ms: number } | { kind: 'absolute'; instant: Date };

const MINUTE = 60_000;
const UNIT_MS: Record<string, number> = {
  w: 7 * 1440 * MINUTE,
  주: 7 * 1440 * MINUTE,
  d: 1440 * MINUTE,
  일: 1440 * MINUTE,
  h: 60 * MINUTE,
  시간: 60 * MINUTE,
  m: MINUTE,
  분: MINUTE,
};
const PART = /(\d{1,6})\s*(w|주|d|일|h|시간|m|분)\s*/giy;

export function parseClockTarget(raw: string): ClockTarget | undefined {
  const text = raw.trim();
  if (text.startsWith('+')) return parseStep(text.slice(1).trim());
  const wall = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}:\d{2}))?$/.exec(text);
  if (!wall) return undefined;
  const [, date, time = '00:00'] = wall;
  const hhmm = time.padStart(5, '0');
  if (!isIsoDate(date) || !isClockTime(hhmm)) return undefined;
  return { kind: 'absolute', instant: seoulInstant(date, hhmm) };
}

function parseStep(text: string): ClockTarget | undefined {
  if (!text) return undefined;
  PART.lastIndex = 0;
  let ms = 0;
  let end = 0;
  for (let match = PART.exec(text); match; match = PART.exec(text)) {
    ms += Number(match[1]) * UNIT_MS[match[2].toLowerCase()];
    end = PART.lastIndex;
  }
  return end === text.length && ms > 0 ? { kind: 'relative', ms } : undefined;
}
