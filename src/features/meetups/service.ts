// Meetup series: create, list, show, edit, cancel, RSVP; holiday closures;
// and the reminder jobs each occurrence needs (kept in the scheduler, planned
// PLANNING_HORIZON_DAYS ahead and re-planned daily and on every edit).
import type { HolidayPolicy } from '../../core/calendar/holidays.ts';
import { addDays, daysBetween, seoulDate, seoulInstant, type IsoDate } from '../../core/calendar/index.ts';
import { UserError } from '../../core/errors.ts';
import type { ScheduleInput } from '../../scheduler/scheduler.ts';
import { recordAudit } from '../audit/service.ts';
import type { FeatureContext } from '../context.ts';
import { findOrganization, findPartnership } from '../directory/service.ts';
import { closuresBetween } from '../holidays/service.ts';
import { meetupNudge, meetupReminder } from './jobs.ts';
import { parseRecurrence, plannedDates, recurrenceFromRRule, toRRule } from './recurrence.ts';
import {
  MAX_WINDOW_DAYS,
  NUDGE_LEAD_MS,
  parseLeads,
  PLANNING_HORIZON_DAYS,
  type Answer,
  type MeetupKind,
} from './rules.ts';

export type Series = NonNullable<Awaited<ReturnType<typeof loadSeries>>>;

export interface Occurrence {
  seriesId: number;
  title: string;
  kind: string;
  /** The date the rule gave: RSVPs and changes hang on it. */
  original: string;
  date: string;
  time: string;
  durationMin: number;
  place: string | null;
  link: string | null;
  start: Date;
  /** Moved by the holiday policy or by hand. */
  moved: boolean;
}

const seriesInclude = { participants: { include: { org: true } }, changes: true, organiser: true } as const;

export function loadSeries({ db }: Pick<FeatureContext, 'db'>, id: number) {
  return db.meetupSeries.findUnique({ where: { id }, include: seriesInclude });
}

export async function findSeries(ctx: Pick<FeatureContext, 'db'>, id: number): Promise<Series> {
  const series = await loadSeries(ctx, id);
  if (!series) throw new UserError('meetup.notFound', { id });
  return series;
}

/** Occurrences of a series whose original date lies in [from, to], with changes applied. */
export function occurrencesOf(series: Series, from: string, to: string, closures: ReadonlySet<string>): Occurrence[] {
  if (series.status !== 'active') return [];
  const changes = new Map(series.changes.map((c) => [c.original, c]));
  const out: Occurrence[] = [];
  for (const planned of plannedDates(series.rrule, from, to, series.holidayPolicy as HolidayPolicy, closures)) {
    const change = changes.get(planned.original);
    if (change?.cancelled) continue;
    const date = change?.date ?? planned.date;
    const time = change?.time ?? planned.time;
    out.push({
      seriesId: series.id,
      title: series.title,
      kind: series.kind,
      original: planned.original,
      date,
      time,
      durationMin: series.durationMin,
      place: change?.place ?? series.place,
      link: series.link,
      start: seoulInstant(date, time),
      moved: date !== planned.original || Boolean(change?.date || change?.time),
    });
  }
  return out;
}

/** The next occurrence that has not started yet (or the one on `original`). */
export async function occurrenceFor(ctx: FeatureContext, series: Series, original?: string): Promise<Occurrence> {
  const now = ctx.clock.now();
  if (original) {
    // Holiday shifts move a date by a few days at most: look around it.
    const closures = await closuresBetween(ctx, addDays(original, -10), addDays(original, 10));
    const found = occurrencesOf(series, original, original, closures)[0];
    if (!found) throw new UserError('meetup.noOccurrence', { id: series.id, date: original });
    return found;
  }
  const today = seoulDate(now);
  const to = addDays(today, MAX_WINDOW_DAYS);
  const closures = await closuresBetween(ctx, addDays(today, -10), to);
  const next = occurrencesOf(series, addDays(today, -10), to, closures).find((o) => o.start > now);
  if (!next) throw new UserError('meetup.noUpcoming', { id: series.id });
  return next;
}

// ---------- create / edit / cancel ----------

export interface SeriesInput {
  title: string;
  kind: MeetupKind;
  organiserRef: string;
  withRefs?: string[];
  partnershipId?: number;
  repeat: string;
  start: string;
  time: string;
  durationMin?: number;
  until?: string;
  place?: string;
  link?: string;
  holiday?: HolidayPolicy;
  remind?: string;
}

async function participantIds(ctx: FeatureContext, organiserId: number, input: { withRefs?: string[]; partnershipId?: number }) {
  const ids = new Set<number>([organiserId]);
  for (const ref of input.withRefs ?? []) ids.add((await findOrganization(ctx, ref)).id);
  if (input.partnershipId !== undefined) {
    const p = await findPartnership(ctx, input.partnershipId);
    ids.add(p.fromId);
    ids.add(p.toId);
  }
  return [...ids];
}

/** Staff and heads organise for their own organisation; coordinators and admins for any. */
function assertMayOrganise(ctx: FeatureContext, organiserId: number) {
  const { roles, orgId } = ctx.actor;
  if (roles.has('admin') || roles.has('coordinator')) return;
  if (orgId !== organiserId) throw new UserError('meetup.notOrganiser');
}

export async function createSeries(ctx: FeatureContext, input: SeriesInput) {
  const recurrence = parseRecurrence(input.repeat);
  const leads = parseLeads(input.remind ?? '7d,1d,1h');
  if (input.until && input.until < input.start) throw new UserError('meetup.untilBeforeStart', { start: input.start, until: input.until });
  const organiser = await findOrganization(ctx, input.organiserRef);
  assertMayOrganise(ctx, organiser.id);
  const participants = await participantIds(ctx, organiser.id, input);
  const rrule = toRRule(recurrence, input.start, input.time, input.until);
  // A series whose every date has passed would never remind anyone.
  const today = seoulDate(ctx.clock.now());
  const from = input.start > today ? input.start : today;
  const ahead = plannedDates(rrule, from, addDays(from, MAX_WINDOW_DAYS), input.holiday ?? 'next');
  if (!ahead.some((d) => seoulInstant(d.date, d.time) > ctx.clock.now())) throw new UserError('meetup.noFuture', { start: input.start });
  const series = await ctx.db.$transaction(async (tx) => {
    const created = await tx.meetupSeries.create({
      data: {
        title: input.title,
        kind: input.kind,
        organiserId: organiser.id,
        partnershipId: input.partnershipId ?? null,
        place: input.place ?? null,
        link: input.link ?? null,
        startDate: input.start,
        time: input.time,
        durationMin: input.durationMin ?? 60,
        rrule,
        until: input.until ?? null,
        holidayPolicy: input.holiday ?? 'next',
        reminders: leads.map((l) => l.label).join(','),
        createdById: ctx.actor.memberId ?? null,
        createdAt: ctx.clock.now(),
        participants: { create: participants.map((orgId) => ({ orgId })) },
      },
    });
    await recordAudit(tx, ctx.clock, ctx.actor, 'meetup.create', `meetup #${created.id}`, { title: input.title, rrule });
    return created;
  });
  const loaded = await findSeries(ctx, series.id);
  await planReminders(ctx, loaded);
  return loaded;
}

export interface SeriesEdit {
  title?: string;
  place?: string;
  link?: string;
  time?: string;
  durationMin?: number;
  until?: string;
  holiday?: HolidayPolicy;
  remind?: string;
  repeat?: string;
}

async function assertMayEdit(ctx: FeatureContext, series: Series) {
  assertMayOrganise(ctx, series.organiserId);
}

/** Changes the whole series (from now on). */
export async function editSeries(ctx: FeatureContext, id: number, edit: SeriesEdit) {
  const series = await findSeries(ctx, id);
  await assertMayEdit(ctx, series);
  if (series.status !== 'active') throw new UserError('meetup.cancelledAlready', { id });
  const time = edit.time ?? series.time;
  const until = edit.until ?? series.until ?? undefined;
  const recurrence = edit.repeat ? parseRecurrence(edit.repeat) : recurrenceFromRRule(series.rrule);
  const rrule = edit.repeat || edit.time || edit.until ? toRRule(recurrence, series.startDate, time, until) : series.rrule;
  if (edit.remind) parseLeads(edit.remind);
  await ctx.db.$transaction(async (tx) => {
    await tx.meetupSeries.update({
      where: { id },
      data: {
        title: edit.title,
        place: edit.place,
        link: edit.link,
        time,
        durationMin: edit.durationMin,
        until: until ?? null,
        holidayPolicy: edit.holiday,
        reminders: edit.remind ? parseLeads(edit.remind).map((l) => l.label).join(',') : undefined,
        rrule,
      },
    });
    await recordAudit(tx, ctx.clock, ctx.actor, 'meetup.edit', `meetup #${id}`, edit as Record<string, unknown>);
  });
  const updated = await findSeries(ctx, id);
  await planReminders(ctx, updated);
  return updated;
}

/** Moves or changes one occurrence (identified by its date). */
export async function editOccurrence(
  ctx: FeatureContext,
  id: number,
  on: string,
  edit: { date?: string; time?: string; place?: string },
) {
  const series = await findSeries(ctx, id);
  await assertMayEdit(ctx, series);
  const occurrence = await occurrenceFor(ctx, series, on);
  await ctx.db.$transaction(async (tx) => {
    await tx.meetupChange.upsert({
      where: { seriesId_original: { seriesId: id, original: occurrence.original } },
      create: { seriesId: id, original: occurrence.original, date: edit.date ?? null, time: edit.time ?? null, place: edit.place ?? null },
      update: { date: edit.date, time: edit.time, place: edit.place },
    });
    await recordAudit(tx, ctx.clock, ctx.actor, 'meetup.edit-one', `meetup #${id} ${occurrence.original}`, edit);
  });
  const updated = await findSeries(ctx, id);
  await planReminders(ctx, updated);
  return { series: updated, occurrence: await occurrenceFor(ctx, updated, occurrence.original) };
}

export async function cancelSeries(ctx: FeatureContext, id: number) {
  const series = await findSeries(ctx, id);
  await assertMayEdit(ctx, series);
  await ctx.db.$transaction(async (tx) => {
    await tx.meetupSeries.update({ where: { id }, data: { status: 'cancelled' } });
    await recordAudit(tx, ctx.clock, ctx.actor, 'meetup.cancel', `meetup #${id}`);
    await ctx.scheduler.cancelGroup(groupOf(id), tx);
  });
  return series;
}

export async function cancelOccurrence(ctx: FeatureContext, id: number, on: string) {
  const series = await findSeries(ctx, id);
  await assertMayEdit(ctx, series);
  const occurrence = await occurrenceFor(ctx, series, on);
  await ctx.db.$transaction(async (tx) => {
    await tx.meetupChange.upsert({
      where: { seriesId_original: { seriesId: id, original: occurrence.original } },
      create: { seriesId: id, original: occurrence.original, cancelled: true },
      update: { cancelled: true },
    });
    await recordAudit(tx, ctx.clock, ctx.actor, 'meetup.cancel-one', `meetup #${id} ${occurrence.original}`);
  });
  await planReminders(ctx, await findSeries(ctx, id));
  return { series, occurrence };
}

// ---------- listing ----------

export function checkWindow(from: string, to: string) {
  if (to < from) throw new UserError('meetup.badWindow', { from, to });
  if (daysBetween(from, to) > MAX_WINDOW_DAYS) throw new UserError('meetup.windowTooLong', { max: MAX_WINDOW_DAYS });
}

/** Occurrences in [from, to] of active series involving `orgId` (or all). */
export async function listOccurrences(ctx: FeatureContext, filter: { orgId?: number; from: string; to: string }): Promise<Occurrence[]> {
  checkWindow(filter.from, filter.to);
  const series = await ctx.db.meetupSeries.findMany({
    where: {
      status: 'active',
      startDate: { lte: addDays(filter.to, 10) },
      OR: [{ until: null }, { until: { gte: addDays(filter.from, -10) } }],
      ...(filter.orgId ? { participants: { some: { orgId: filter.orgId } } } : {}),
    },
    include: seriesInclude,
  });
  // Rule dates up to 10 days outside the window may be shifted into it.
  const closures = await closuresBetween(ctx, addDays(filter.from, -10), addDays(filter.to, 10));
  return series
    .flatMap((s) => occurrencesOf(s, addDays(filter.from, -10), addDays(filter.to, 10), closures))
    .filter((o) => o.date >= filter.from && o.date <= filter.to)
    .sort((a, b) => a.start.getTime() - b.start.getTime() || a.seriesId - b.seriesId);
}

// ---------- RSVP ----------

export interface Tally {
  yes: number;
  no: number;
  maybe: number;
  /** Members of the participant organisations who have not answered. */
  missing: { id: number; name: string }[];
  proxies: string[];
}

export async function tally({ db }: Pick<FeatureContext, 'db'>, series: Series, original: string): Promise<Tally> {
  const orgIds = series.participants.map((p) => p.orgId);
  const [answers, members] = await Promise.all([
    db.rsvp.findMany({ where: { seriesId: series.id, original } }),
    db.member.findMany({ where: { orgId: { in: orgIds } }, select: { id: true, name: true }, orderBy: { id: 'asc' }, take: 500 }),
  ]);
  const answered = new Set(answers.map((a) => a.memberId));
  return {
    yes: answers.filter((a) => a.answer === 'yes').length,
    no: answers.filter((a) => a.answer === 'no').length,
    maybe: answers.filter((a) => a.answer === 'maybe').length,
    missing: members.filter((m) => !answered.has(m.id)),
    proxies: answers.filter((a) => a.proxyName).map((a) => a.proxyName as string),
  };
}

export async function rsvp(
  ctx: FeatureContext,
  id: number,
  answer: Answer,
  options: { on?: string; proxy?: string },
) {
  const series = await findSeries(ctx, id);
  const memberId = ctx.actor.memberId as number;
  const occurrence = await occurrenceFor(ctx, series, options.on);
  if (occurrence.start <= ctx.clock.now()) throw new UserError('meetup.rsvpClosed', { date: occurrence.date, time: occurrence.time });
  if (options.proxy && answer !== 'yes') throw new UserError('meetup.proxyNeedsYes');
  await ctx.db.$transaction(async (tx) => {
    await tx.rsvp.upsert({
      where: { seriesId_original_memberId: { seriesId: id, original: occurrence.original, memberId } },
      create: { seriesId: id, original: occurrence.original, memberId, answer, proxyName: options.proxy ?? null, updatedAt: ctx.clock.now() },
      update: { answer, proxyName: options.proxy ?? null, updatedAt: ctx.clock.now() },
    });
    await recordAudit(tx, ctx.clock, ctx.actor, 'meetup.rsvp', `meetup #${id} ${occurrence.original}`, { answer });
  });
  return { series, occurrence, tally: await tally(ctx, series, occurrence.original) };
}

// ---------- reminder jobs ----------

export const groupOf = (seriesId: number) => `meetup:${seriesId}`;

/**
 * (Re)writes the reminder jobs of one series for the next PLANNING_HORIZON_DAYS:
 * a reminder per lead time (posted to the participants' channels) and a DM
 * nudge a day before for those who have not answered. Jobs of occurrences that
 * moved or were cancelled are dropped (replaceGroup).
 */
export async function planReminders(ctx: FeatureContext, series: Series): Promise<number> {
  const now = ctx.clock.now();
  const today = seoulDate(now);
  const to = addDays(today, PLANNING_HORIZON_DAYS);
  const closures = await closuresBetween(ctx, addDays(today, -10), addDays(to, 10));
  const jobs: ScheduleInput[] = [];
  const leads = parseLeads(series.reminders);
  for (const occurrence of occurrencesOf(series, addDays(today, -10), to, closures)) {
    if (occurrence.start <= now) continue;
    const at = `${occurrence.original}@${occurrence.date}T${occurrence.time}`;
    const payload = { seriesId: series.id, original: occurrence.original };
    // A reminder may run late, but only until the next one is due (or the
    // meeting starts): a series created shortly before its meeting sends one
    // reminder, not every overdue one at once.
    leads.forEach((lead, i) => {
      const next = leads[i + 1];
      const lateUntil = next ? new Date(occurrence.start.getTime() - next.ms) : occurrence.start;
      if (lateUntil <= now) return;
      jobs.push(
        meetupReminder.entry({
          key: `meetup:${series.id}:${at}:${lead.label}`,
          payload: { ...payload, lead: lead.label },
          dueAt: new Date(occurrence.start.getTime() - lead.ms),
          lateUntil,
          group: groupOf(series.id),
        }),
      );
    });
    jobs.push(
      meetupNudge.entry({
        key: `meetup-nudge:${series.id}:${at}`,
        payload,
        dueAt: new Date(occurrence.start.getTime() - NUDGE_LEAD_MS),
        lateUntil: occurrence.start,
        group: groupOf(series.id),
      }),
    );
  }
  await ctx.scheduler.replaceGroup(groupOf(series.id), jobs);
  return jobs.length;
}

// ---------- views ----------

/** A series with its next occurrences (up to six) and the tally of the focused one (`on`, or the next). */
export async function seriesOverview(ctx: FeatureContext, id: number, on?: IsoDate) {
  const series = await findSeries(ctx, id);
  const now = ctx.clock.now();
  const today = seoulDate(now);
  const closures = await closuresBetween(ctx, addDays(today, -10), addDays(today, 200));
  const upcoming = occurrencesOf(series, addDays(today, -10), addDays(today, 200), closures)
    .filter((o) => o.start > now)
    .slice(0, 6);
  const focus = on ? await occurrenceFor(ctx, series, on) : upcoming[0];
  const next = focus ? { occurrence: focus, tally: await tally(ctx, series, focus.original) } : undefined;
  return { series, upcoming, next };
}

/** Occurrences for a calendar file: one series, or every meeting of an organisation, from today for 1–12 months. */
export async function calendarOccurrences(ctx: FeatureContext, input: { id?: number; orgRef?: string; months?: number }) {
  if (input.id === undefined && !input.orgRef) throw new UserError('meetup.icsNeedsTarget');
  const from = seoulDate(ctx.clock.now());
  const to = addDays(from, Math.min(12, Math.max(1, input.months ?? 12)) * 31);
  if (input.id !== undefined) {
    const series = await findSeries(ctx, input.id);
    const closures = await closuresBetween(ctx, addDays(from, -10), addDays(to, 10));
    return { occurrences: occurrencesOf(series, from, to, closures), name: `meetup-${input.id}.ics` };
  }
  const org = await findOrganization(ctx, input.orgRef!);
  return { occurrences: await listOccurrences(ctx, { orgId: org.id, from, to }), name: `meetups-org-${org.id}.ics` };
}

/** Occurrences in a window: an organisation's (by name), else the caller's organisation's; 30 days from today by default. */
export async function upcomingOccurrences(ctx: FeatureContext, input: { orgRef?: string; from?: IsoDate; to?: IsoDate }) {
  const from = input.from ?? seoulDate(ctx.clock.now());
  const to = input.to ?? addDays(from, 30);
  const orgId = input.orgRef ? (await findOrganization(ctx, input.orgRef)).id : ctx.actor.orgId;
  return { from, to, occurrences: await listOccurrences(ctx, { orgId, from, to }) };
}
