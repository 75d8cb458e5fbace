import { defineCommand, type HandlerContext } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import { choiceLabel } from '../src/core/i18n/index.ts';
import { seoulToday } from '../src/core/time.ts';
import { featureContext, type Services } from '../src/features/context.ts';
import { findOrganization } from '../src/features/directory/service.ts';
import { answersText, describeRecurrence, occurrenceCard, occurrenceLine, seriesCard, whenText } from '../src/features/meetups/cards.ts';
import type { HolidayPolicy } from '../src/features/meetups/holidays.ts';
import { calendarFile } from '../src/features/meetups/ics.ts';
import { addDays, type Answer, type MeetupKind } from '../src/features/meetups/rules.ts';
import {
  cancelOccurrence,
  cancelSeries,
  closuresBetween,
  createSeries,
  editOccurrence,
  editSeries,
  findSeries,
  listOccurrences,
  occurrenceFor,
  occurrencesOf,
  rsvp,
  tally,
} from '../src/features/meetups/service.ts';

type Ctx = HandlerContext<Services>;
const str = (ctx: Ctx, name: string) => ctx.options[name] as string | undefined;
const num = (ctx: Ctx, name: string) => ctx.options[name] as number | undefined;

const organisers = ['coordinator', 'head', 'staff'] as const;

export default defineCommand<Services>({
  name: 'meetup',
  subcommands: {
    create: {
      roles: organisers,
      options: [
        { name: 'title', type: 'string', required: true },
        { name: 'kind', type: 'choice', choices: 'meetupKind', required: true },
        { name: 'org', type: 'string', required: true },
        { name: 'with', type: 'string' },
        { name: 'partnership', type: 'integer' },
        { name: 'repeat', type: 'string', required: true },
        { name: 'start', type: 'date', required: true },
        { name: 'time', type: 'time', required: true },
        { name: 'duration', type: 'integer' },
        { name: 'until', type: 'date' },
        { name: 'place', type: 'string' },
        { name: 'link', type: 'string' },
        { name: 'holiday', type: 'choice', choices: 'holidayPolicy' },
        { name: 'remind', type: 'string' },
      ],
      handler: async (ctx) => {
        const series = await createSeries(featureContext(ctx), ctx.services.scheduler, {
          title: str(ctx, 'title') as string,
          kind: str(ctx, 'kind') as MeetupKind,
          organiserRef: str(ctx, 'org') as string,
          withRefs: str(ctx, 'with')?.split(',').map((s) => s.trim()).filter(Boolean),
          partnershipId: num(ctx, 'partnership'),
          repeat: str(ctx, 'repeat') as string,
          start: str(ctx, 'start') as string,
          time: str(ctx, 'time') as string,
          durationMin: num(ctx, 'duration'),
          until: str(ctx, 'until'),
          place: str(ctx, 'place'),
          link: str(ctx, 'link'),
          holiday: str(ctx, 'holiday') as HolidayPolicy | undefined,
          remind: str(ctx, 'remind'),
        });
        const created = ctx.t('meetup.created', {
          kind: choiceLabel(ctx.t, 'meetupKind', series.kind),
          id: series.id,
          title: series.title,
          repeat: describeRecurrence(ctx.t, series.rrule),
          time: series.time,
        });
        const next = await occurrenceFor(ctx.services.db, series, ctx.clock.now()).catch(() => undefined);
        if (!next) return { tone: 'success', lines: [created] };
        const card = occurrenceCard(ctx.t, next, await tally(ctx.services.db, series, next.original));
        return { ...card, tone: 'success', lines: [created, `${ctx.t('meetup.next')}: ${whenText(ctx.t, next)}`] };
      },
    },
    list: {
      roles: 'any',
      options: [
        { name: 'org', type: 'string' },
        { name: 'from', type: 'date' },
        { name: 'to', type: 'date' },
      ],
      handler: async (ctx) => {
        const from = str(ctx, 'from') ?? seoulToday(ctx.clock.now());
        const to = str(ctx, 'to') ?? addDays(from, 30);
        const orgRef = str(ctx, 'org');
        const orgId = orgRef ? (await findOrganization(ctx.services.db, orgRef)).id : ctx.actor.orgId;
        const occurrences = await listOccurrences(ctx.services.db, { orgId, from, to });
        if (occurrences.length === 0) return { lines: [ctx.t('meetup.noneInWindow', { from, to })] };
        const shown = occurrences.slice(0, 60);
        return {
          title: ctx.t('meetup.listTitle', { from, to, count: occurrences.length }),
          lines: shown.map((o) => occurrenceLine(ctx.t, o)),
        };
      },
    },
    show: {
      roles: 'any',
      options: [
        { name: 'id', type: 'integer', required: true, positional: true },
        { name: 'on', type: 'date' },
      ],
      handler: async (ctx) => {
        const { db } = ctx.services;
        const series = await findSeries(db, num(ctx, 'id') as number);
        const today = seoulToday(ctx.clock.now());
        const closures = await closuresBetween(db, addDays(today, -10), addDays(today, 200));
        const upcoming = occurrencesOf(series, addDays(today, -10), addDays(today, 200), closures)
          .filter((o) => o.start > ctx.clock.now())
          .slice(0, 6);
        const on = str(ctx, 'on');
        const focus = on ? await occurrenceFor(db, series, ctx.clock.now(), on) : upcoming[0];
        const next = focus ? { occurrence: focus, tally: await tally(db, series, focus.original) } : undefined;
        return seriesCard(ctx.t, series, upcoming, next);
      },
    },
    edit: {
      roles: organisers,
      options: [
        { name: 'id', type: 'integer', required: true, positional: true },
        { name: 'on', type: 'date' },
        { name: 'date', type: 'date' },
        { name: 'time', type: 'time' },
        { name: 'place', type: 'string' },
        { name: 'title', type: 'string' },
        { name: 'link', type: 'string' },
        { name: 'duration', type: 'integer' },
        { name: 'until', type: 'date' },
        { name: 'repeat', type: 'string' },
        { name: 'holiday', type: 'choice', choices: 'holidayPolicy' },
        { name: 'remind', type: 'string' },
      ],
      handler: async (ctx) => {
        const id = num(ctx, 'id') as number;
        const on = str(ctx, 'on');
        const fc = featureContext(ctx);
        if (on) {
          const edit = { date: str(ctx, 'date'), time: str(ctx, 'time'), place: str(ctx, 'place') };
          if (!edit.date && !edit.time && !edit.place) throw new UserError('meetup.nothingToEdit');
          const { occurrence } = await editOccurrence(fc, ctx.services.scheduler, id, on, edit);
          return { tone: 'success', lines: [ctx.t('meetup.editedOne', { id, original: on, when: whenText(ctx.t, occurrence) })] };
        }
        const edit = {
          title: str(ctx, 'title'),
          place: str(ctx, 'place'),
          link: str(ctx, 'link'),
          time: str(ctx, 'time'),
          durationMin: num(ctx, 'duration'),
          until: str(ctx, 'until'),
          repeat: str(ctx, 'repeat'),
          holiday: str(ctx, 'holiday') as HolidayPolicy | undefined,
          remind: str(ctx, 'remind'),
        };
        if (Object.values(edit).every((v) => v === undefined)) throw new UserError('meetup.nothingToEdit');
        await editSeries(fc, ctx.services.scheduler, id, edit);
        return { tone: 'success', lines: [ctx.t('meetup.edited', { id })] };
      },
    },
    cancel: {
      roles: organisers,
      options: [
        { name: 'id', type: 'integer', required: true, positional: true },
        { name: 'on', type: 'date' },
      ],
      handler: async (ctx) => {
        const id = num(ctx, 'id') as number;
        const on = str(ctx, 'on');
        if (on) {
          const { occurrence } = await cancelOccurrence(featureContext(ctx), ctx.services.scheduler, id, on);
          return { tone: 'success', lines: [ctx.t('meetup.cancelledOne', { id, date: occurrence.date })] };
        }
        const series = await cancelSeries(featureContext(ctx), ctx.services.scheduler, id);
        return { tone: 'success', lines: [ctx.t('meetup.cancelled', { id, title: series.title })] };
      },
    },
    rsvp: {
      roles: 'any',
      options: [
        { name: 'id', type: 'integer', required: true, positional: true },
        { name: 'answer', type: 'choice', choices: 'answer', required: true, positional: true },
        { name: 'on', type: 'date' },
        { name: 'proxy', type: 'string' },
      ],
      handler: async (ctx) => {
        const id = num(ctx, 'id') as number;
        const answer = str(ctx, 'answer') as Answer;
        const result = await rsvp(featureContext(ctx), id, answer, { on: str(ctx, 'on'), proxy: str(ctx, 'proxy') });
        const done = ctx.t('meetup.rsvpDone', { id, date: result.occurrence.date, answer: choiceLabel(ctx.t, 'answer', answer) });
        // Pressed on an announcement or reminder shared in a channel: that message
        // is replaced by the same card with the new counts, nothing personal.
        const card = occurrenceCard(ctx.t, result.occurrence, result.tally);
        if (ctx.invocation.fromButton) return { card };
        return { card: { tone: 'success', lines: [done, `${ctx.t('meetup.fieldAnswers')}: ${answersText(ctx.t, result.tally)}`] }, ephemeral: true };
      },
    },
    ics: {
      roles: 'any',
      options: [
        { name: 'id', type: 'integer', positional: true },
        { name: 'org', type: 'string' },
        { name: 'months', type: 'integer' },
      ],
      handler: async (ctx) => {
        const { db } = ctx.services;
        const id = num(ctx, 'id');
        const orgRef = str(ctx, 'org');
        if (id === undefined && !orgRef) throw new UserError('meetup.icsNeedsTarget');
        const from = seoulToday(ctx.clock.now());
        const to = addDays(from, Math.min(12, Math.max(1, num(ctx, 'months') ?? 12)) * 31);
        let occurrences;
        let name: string;
        if (id !== undefined) {
          const series = await findSeries(db, id);
          occurrences = occurrencesOf(series, from, to, await closuresBetween(db, addDays(from, -10), addDays(to, 10)));
          name = `meetup-${id}.ics`;
        } else {
          const org = await findOrganization(db, orgRef as string);
          occurrences = await listOccurrences(db, { orgId: org.id, from, to });
          name = `meetups-org-${org.id}.ics`;
        }
        return {
          card: { tone: 'success', lines: [ctx.t('meetup.icsReady', { count: occurrences.length })] },
          files: [{ name, mimeType: 'text/calendar', content: await calendarFile(occurrences, ctx.clock.now(), ctx.t('meetup.calendarName')) }],
          ephemeral: true,
        };
      },
    },
  },
});
