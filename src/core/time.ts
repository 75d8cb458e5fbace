// Calendar days are Seoul days. A date option 'YYYY-MM-DD' means that day in
// Asia/Seoul; instants are stored in UTC.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { SEOUL } from './clock.ts';

/** Midnight of a Seoul calendar day, as an instant. */
export function seoulDay(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(new TZDate(y, m - 1, d, SEOUL).getTime());
}

export function formatSeoulDate(instant: Date): string {
  return format(new TZDate(instant, SEOUL), 'yyyy-MM-dd');
}

export function formatSeoulDateTime(instant: Date): string {
  return format(new TZDate(instant, SEOUL), 'yyyy-MM-dd HH:mm');
}

export function seoulToday(now: Date): string {
  return formatSeoulDate(now);
}
