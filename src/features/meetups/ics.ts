// iCalendar export (RFC 5545) of meetup occurrences, importable into Outlook,
// Google and Naver calendars. Each occurrence is its own event (the holiday
// shifts and one-off changes make an RRULE inexact); the UID is stable, so a
// re-import updates the events instead of duplicating them.
import type { Occurrence } from './model.ts';

export async function calendarFile(occurrences: Occurrence[], now: Date, name: string): Promise<string> {
  // Loaded on demand: only /meetup ics needs it, the idle bot does not.
  const { default: ical, ICalCalendarMethod } = await import('ical-generator');
  // Instants in UTC (…Z): every calendar understands them without a VTIMEZONE block.
  const calendar = ical({ name, prodId: { company: 'minkwan-bot', product: 'meetups', language: 'KO' } });
  calendar.method(ICalCalendarMethod.PUBLISH);
  for (const o of occurrences) {
    calendar.createEvent({
      id: `meetup-${o.seriesId}-${o.original}@minkwan-bot`,
      start: o.start,
      end: new Date(o.start.getTime() + o.durationMin * 60_000),
      stamp: now,
      summary: o.title,
      location: o.place ?? undefined,
      url: o.link ?? undefined,
      description: `#${o.seriesId} · /meetup show ${o.seriesId}`,
    });
  }
  return calendar.toString();
}
