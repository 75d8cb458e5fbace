import { choiceLabel } from '../src/core/i18n/index.ts';
import { UserError } from '../src/core/errors.ts';
import { defineCommand, subcommand } from '../src/features/context.ts';
import { answersText, describeRecurrence, firstShiftText, occurrenceCard, occurrenceLine, seriesCard, whenText } from '../src/features/meetups/cards.ts';
import { calendarFile } from '../src/features/meetups/ics.ts';
import {
  calendarOccurrences,
  cancelOccurrence,
  cancelSeries,
  createSeries,
  durationMinutes,
  editOccurrence,
  editSeries,
  occurrenceFor,
  restoreOccurrence,
  restoreSeries,
  rsvp,
  seriesOverview,
  tally,
  upcomingOccurrences,
} from '../src/features/meetups/service.ts';

/** Staff and heads organise for their own organisation (the service checks); coordinators for any. */
const organisers = ['coordinator', 'head', 'staff'] as const;
/** A whole series, or with on= one of its meetings. */
const seriesOrOneDate = [
  { name: 'id', type: 'integer', required: true, positional: true },
  { name: 'on', type: 'date' },
] as const;

export default defineCommand({
  name: 'meetup',
  features: ['meetups'],
  subcommands: {
    create: subcommand({
      roles: organisers,
      options: [
        { name: 'title', type: 'string', required: true },
        { name: 'kind', type: 'choice', choices: 'meetupKind' },
        { name: 'org', type: 'string', required: true, suggest: 'org' },
        { name: 'with', type: 'string' },
        { name: 'partnership', type: 'integer' },
        { name: 'repeat', type: 'string', required: true },
        { name: 'start', type: 'date', required: true },
        { name: 'time', type: 'time', required: true },
        // Minutes or a phrase (90분, 1시간 30분): a string, parsed by the service.
        { name: 'duration', type: 'string' },
        { name: 'until', type: 'date' },
        { name: 'place', type: 'string' },
        { name: 'link', type: 'url' },
        { name: 'holiday', type: 'choice', choices: 'holidayPolicy' },
        { name: 'remind', type: 'string' },
      ],
      handler: async (ctx) => {
        const o = ctx.options;
        const { series, kindGuessed, firstShift } = await createSeries(ctx, {
          title: o.title,
          kind: o.kind,
          organiserRef: o.org,
          withRefs: o.with?.split(',').map((s) => s.trim()).filter(Boolean),
          partnershipId: o.partnership,
          repeat: o.repeat,
          start: o.start,
          time: o.time,
          durationMin: durationMinutes(o.duration),
          until: o.until,
          place: o.place,
          link: o.link,
          holiday: o.holiday,
          remind: o.remind,
        });
        const notes = [
          ...(kindGuessed ? [ctx.t('meetup.kindGuessed', { kind: choiceLabel(ctx.t, 'meetupKind', series.kind), id: series.id })] : []),
          ...(firstShift ? [firstShiftText(ctx.t, firstShift, series.holidayPolicy)] : []),
        ];
        const created = ctx.t('meetup.created', {
          kind: choiceLabel(ctx.t, 'meetupKind', series.kind),
          id: series.id,
          title: series.title,
          repeat: describeRecurrence(ctx.t, series.rrule),
          time: series.time,
        });
        const next = await occurrenceFor(ctx, series).catch(() => undefined);
        if (!next) return { tone: 'success', lines: [created, ...notes] };
        const card = occurrenceCard(ctx.t, next, await tally(ctx, series, next.original));
        return { ...card, tone: 'success', lines: [created, ...notes, `${ctx.t('meetup.next')}: ${whenText(ctx.t, next)}`] };
      },
    }),
    list: subcommand({
      roles: 'any',
      options: [
        { name: 'org', type: 'string', suggest: 'org' },
        { name: 'from', type: 'date' },
        { name: 'to', type: 'date' },
      ],
      handler: async (ctx) => {
        const { from, to, occurrences } = await upcomingOccurrences(ctx, { orgRef: ctx.options.org, from: ctx.options.from, to: ctx.options.to });
        if (occurrences.length === 0) return { lines: [ctx.t('meetup.noneInWindow', { from, to })] };
        return {
          title: ctx.t('meetup.listTitle', { from, to, count: occurrences.length }),
          lines: occurrences.slice(0, 60).map((o) => occurrenceLine(ctx.t, o)),
        };
      },
    }),
    show: subcommand({
      roles: 'any',
      options: seriesOrOneDate,
      handler: async (ctx) => {
        const { series, upcoming, next } = await seriesOverview(ctx, ctx.options.id, ctx.options.on);
        return seriesCard(ctx.t, series, upcoming, next);
      },
    }),
    edit: subcommand({
      roles: organisers,
      options: [
        { name: 'id', type: 'integer', required: true, positional: true },
        { name: 'on', type: 'date' },
        { name: 'date', type: 'date' },
        { name: 'time', type: 'time' },
        { name: 'place', type: 'string' },
        { name: 'title', type: 'string' },
        { name: 'kind', type: 'choice', choices: 'meetupKind' },
        { name: 'with', type: 'string' },
        { name: 'link', type: 'url' },
        { name: 'duration', type: 'string' },
        { name: 'until', type: 'date' },
        { name: 'repeat', type: 'string' },
        { name: 'holiday', type: 'choice', choices: 'holidayPolicy' },
        { name: 'remind', type: 'string' },
      ],
      handler: async (ctx) => {
        const { id, on, ...o } = ctx.options;
        if (on) {
          const edit = { date: o.date, time: o.time, place: o.place };
          if (!edit.date && !edit.time && !edit.place) throw new UserError('meetup.nothingToEdit');
          const { occurrence } = await editOccurrence(ctx, id, on, edit);
          return { tone: 'success', lines: [ctx.t('meetup.editedOne', { id, original: on, when: whenText(ctx.t, occurrence) })] };
        }
        const edit = {
          title: o.title,
          kind: o.kind,
          withRefs: o.with?.split(',').map((s) => s.trim()).filter(Boolean),
          place: o.place,
          link: o.link,
          time: o.time,
          durationMin: durationMinutes(o.duration),
          until: o.until,
          repeat: o.repeat,
          holiday: o.holiday,
          remind: o.remind,
        };
        if (Object.values(edit).every((v) => v === undefined)) throw new UserError('meetup.nothingToEdit');
        await editSeries(ctx, id, edit);
        return { tone: 'success', lines: [ctx.t('meetup.edited', { id })] };
      },
    }),
    cancel: subcommand({
      roles: organisers,
      options: seriesOrOneDate,
      handler: async (ctx) => {
        const { id, on } = ctx.options;
        if (on) {
          const { occurrence } = await cancelOccurrence(ctx, id, on);
          return { tone: 'success', lines: [ctx.t('meetup.cancelledOne', { id, date: occurrence.date })] };
        }
        const series = await cancelSeries(ctx, id);
        return { tone: 'success', lines: [ctx.t('meetup.cancelled', { id, title: series.title })] };
      },
    }),
    restore: subcommand({
      roles: organisers,
      options: seriesOrOneDate,
      handler: async (ctx) => {
        const { id, on } = ctx.options;
        if (on) {
          const { occurrence } = await restoreOccurrence(ctx, id, on);
          return { tone: 'success', lines: [ctx.t('meetup.restoredOne', { id, date: on, when: whenText(ctx.t, occurrence) })] };
        }
        const series = await restoreSeries(ctx, id);
        return { tone: 'success', lines: [ctx.t('meetup.restored', { id, title: series.title })] };
      },
    }),
    rsvp: subcommand({
      roles: 'any',
      options: [
        { name: 'id', type: 'integer', required: true, positional: true },
        { name: 'answer', type: 'choice', choices: 'answer', required: true, positional: true },
        { name: 'on', type: 'date' },
        { name: 'proxy', type: 'string' },
        { name: 'guest', type: 'boolean' },
      ],
      handler: async (ctx) => {
        const { id, answer, on, proxy, guest } = ctx.options;
        const result = await rsvp(ctx, id, answer, { on, proxy, guest });
        const done =
          ctx.t('meetup.rsvpDone', { id, date: result.occurrence.date, answer: choiceLabel(ctx.t, 'answer', answer) }) +
          (result.guest ? ctx.t('meetup.asGuest') : '');
        // Pressed on an announcement or reminder shared in a channel: that message
        // is replaced by the same card with the new counts, nothing personal.
        if (ctx.invocation.fromButton) return { card: occurrenceCard(ctx.t, result.occurrence, result.tally) };
        return { card: { tone: 'success', lines: [done, `${ctx.t('meetup.fieldAnswers')}: ${answersText(ctx.t, result.tally)}`] }, ephemeral: true };
      },
    }),
    ics: subcommand({
      roles: 'any',
      options: [
        { name: 'id', type: 'integer', positional: true },
        { name: 'org', type: 'string', suggest: 'org' },
        { name: 'months', type: 'integer' },
      ],
      handler: async (ctx) => {
        const { occurrences, name } = await calendarOccurrences(ctx, { id: ctx.options.id, orgRef: ctx.options.org, months: ctx.options.months });
        return {
          card: { tone: 'success', lines: [ctx.t('meetup.icsReady', { count: occurrences.length })] },
          files: [{ name, mimeType: 'text/calendar', content: await calendarFile(occurrences, ctx.clock.now(), ctx.t('meetup.calendarName')) }],
          ephemeral: true,
        };
      },
    }),
  },
});
