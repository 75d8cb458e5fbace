// Messages of the meetups feature.
import type { Button, Card } from '../../core/card.ts';
import { choiceLabel, type Translator } from '../../core/i18n/index.ts';
import type { FirstShift, Occurrence, Series, Tally } from './model.ts';
import { recurrenceFromRRule, type Recurrence } from './recurrence.ts';
import { formatSeoulTime } from '../../core/calendar/index.ts';
import { weekdayLabel } from '../../core/i18n/labels.ts';

function endTime(o: Occurrence): string {
  return formatSeoulTime(new Date(o.start.getTime() + o.durationMin * 60_000));
}

export function whenText(t: Translator, o: Occurrence): string {
  return t('meetup.when', { date: o.date, weekday: weekdayLabel(t, o.date), time: o.time, end: endTime(o) });
}

export function occurrenceLine(t: Translator, o: Occurrence): string {
  return t('meetup.line', {
    date: o.date,
    weekday: weekdayLabel(t, o.date),
    time: o.time,
    id: o.seriesId,
    title: o.title,
    place: o.place ? ` · ${o.place}` : '',
    moved: o.moved && o.date !== o.original ? t('meetup.movedNote', { original: o.original }) : '',
  });
}

export function describeRecurrence(t: Translator, rrule: string): string {
  const r: Recurrence = recurrenceFromRRule(rrule);
  const day = (w: number) => t(`weekday.${w}` as 'weekday.0');
  switch (r.kind) {
    case 'once':
      return t.locale === 'ko' ? '한 번' : 'once';
    case 'weekly':
      if (r.interval === 2) return t.locale === 'ko' ? `격주 ${day(r.weekday)}요일` : `every other ${day(r.weekday)}`;
      if (r.interval && r.interval > 2) return t.locale === 'ko' ? `${r.interval}주마다 ${day(r.weekday)}요일` : `every ${r.interval} weeks on ${day(r.weekday)}`;
      return t.locale === 'ko' ? `매주 ${day(r.weekday)}요일` : `every ${day(r.weekday)}`;
    case 'monthly-nth': {
      // 매월 둘째·넷째 화요일; every 2nd and 4th Tue of the month.
      const ko = ['', '첫째', '둘째', '셋째', '넷째', '다섯째'];
      const en = ['', '1st', '2nd', '3rd', '4th', '5th'];
      if (t.locale === 'ko') return `매월 ${r.nths.map((n) => (n === -1 ? '마지막' : ko[n])).join('·')} ${day(r.weekday)}요일`;
      return `every ${new Intl.ListFormat('en').format(r.nths.map((n) => (n === -1 ? 'last' : en[n])))} ${day(r.weekday)} of the month`;
    }
    case 'monthly-day':
      if (r.day === -1) return t.locale === 'ko' ? '매월 말일' : 'monthly on the last day';
      return t.locale === 'ko' ? `매월 ${r.day}일` : `monthly on day ${r.day}`;
    case 'yearly':
      // RRULE semantics (BYMONTHDAY=29 in February): only leap years have the date.
      if (r.month === 2 && r.day === 29) return t.locale === 'ko' ? '매년 2월 29일(윤년에만)' : 'every year on 2/29 (leap years only)';
      return t.locale === 'ko' ? `매년 ${r.month}월 ${r.day}일` : `every year on ${r.month}/${r.day}`;
  }
}

export function rsvpButtons(t: Translator, o: Occurrence): Button[] {
  const base = `/meetup rsvp ${o.seriesId}`;
  return (['yes', 'no', 'maybe'] as const).map((answer) => ({
    label: choiceLabel(t, 'answer', answer),
    command: `${base} ${answer} on=${o.original}`,
    style: answer === 'yes' ? 'primary' : undefined,
    updatesMessage: true,
  }));
}

export function answersText(t: Translator, tally: Tally): string {
  const lines = [t('meetup.answers', { yes: tally.yes, no: tally.no, maybe: tally.maybe, missing: tally.missing.length })];
  if (tally.proxies.length) lines.push(t('meetup.proxies', { names: tally.proxies.join(', ') }));
  if (tally.guests.length) lines.push(t('meetup.guests', { count: tally.guests.length, names: tally.guests.map((g) => g.name).join(', ') }));
  return lines.join('\n');
}

/** Says that the first date of a new series moved (or is skipped) for a holiday, a closure or a weekend. */
export function firstShiftText(t: Translator, shift: FirstShift, policy: string): string {
  const reason = shift.reason.startsWith('meetup.') ? t(shift.reason as 'meetup.reasonWeekend') : shift.reason;
  const original = `${shift.original} (${weekdayLabel(t, shift.original)})`;
  const params = { original, reason, policy: choiceLabel(t, 'holidayPolicy', policy) };
  return shift.date
    ? t('meetup.firstMoved', { ...params, date: `${shift.date} (${weekdayLabel(t, shift.date)})` })
    : t('meetup.firstSkipped', params);
}

/** The announcement / reminder card of one occurrence, with RSVP buttons and counts. */
export function occurrenceCard(t: Translator, o: Occurrence, tally: Tally, title?: string): Card {
  return {
    title: title ?? `[${choiceLabel(t, 'meetupKind', o.kind)}] ${o.title}`,
    fields: [
      { label: t('meetup.fieldWhen'), value: whenText(t, o) },
      ...(o.place ? [{ label: t('meetup.fieldPlace'), value: o.place }] : []),
      ...(o.link ? [{ label: t('meetup.fieldLink'), value: o.link }] : []),
      { label: t('meetup.fieldAnswers'), value: answersText(t, tally) },
    ],
    buttons: rsvpButtons(t, o),
    footer: t('meetup.rsvpHint', { id: o.seriesId, on: o.original }),
  };
}

/** Stored reminders ('7d,1d,1h') as the reader says them: 7일 전, 1일 전, 1시간 전 / 7d before, 1d before, 1h before. */
export function leadsText(t: Translator, reminders: string): string {
  return reminders
    .split(',')
    .filter(Boolean)
    .map((lead) => {
      const n = Number(lead.slice(0, -1));
      const unit = lead.slice(-1);
      return t(unit === 'd' ? 'meetup.leadShortDays' : unit === 'h' ? 'meetup.leadShortHours' : 'meetup.leadShortMinutes', { n });
    })
    .join(', ');
}

export function leadText(t: Translator, lead: string): string {
  const n = Number(lead.slice(0, -1));
  const unit = lead.slice(-1);
  return t(unit === 'd' ? 'meetup.leadDays' : unit === 'h' ? 'meetup.leadHours' : 'meetup.leadMinutes', { n });
}

export function seriesCard(t: Translator, series: Series, upcoming: Occurrence[], next?: { occurrence: Occurrence; tally: Tally }): Card {
  const fields = [
    { label: t('meetup.fieldKind'), value: choiceLabel(t, 'meetupKind', series.kind) },
    { label: t('meetup.fieldRepeat'), value: `${describeRecurrence(t, series.rrule)} ${series.time} (${series.durationMin}′)${series.until ? ` ~ ${series.until}` : ''}` },
    { label: t('meetup.fieldOrganiser'), value: series.organiser.name },
    { label: t('meetup.fieldParticipants'), value: series.participants.map((p) => p.org.name).join(', ') },
    ...(series.place ? [{ label: t('meetup.fieldPlace'), value: series.place }] : []),
    ...(series.link ? [{ label: t('meetup.fieldLink'), value: series.link }] : []),
    { label: t('meetup.fieldHoliday'), value: choiceLabel(t, 'holidayPolicy', series.holidayPolicy) },
    { label: t('meetup.fieldReminders'), value: leadsText(t, series.reminders) },
    { label: t('meetup.fieldUpcoming'), value: upcoming.map((o) => occurrenceLine(t, o)).join('\n') || '-' },
  ];
  if (next) {
    fields.push({ label: `${t('meetup.fieldAnswers')} (${next.occurrence.date})`, value: answersText(t, next.tally) });
    if (next.tally.missing.length) {
      fields.push({ label: t('meetup.fieldMissing'), value: next.tally.missing.map((m) => m.name).join(', ') });
    }
  }
  return {
    title: `#${series.id} ${series.title}${series.status === 'cancelled' ? t('meetup.cancelledSuffix') : ''}`,
    fields,
    buttons: next ? rsvpButtons(t, next.occurrence) : undefined,
  };
}
