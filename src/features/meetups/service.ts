// Meetup series: create, list, show, edit, cancel, RSVP; holiday closures;
// and the reminder jobs each occurrence needs (kept in the scheduler, planned
// PLANNING_HORIZON_DAYS ahead and re-planned daily and on every edit).
import { holidaysOn, type HolidayPolicy } from '../../core/calendar/holidays.ts';
import { isWeekend } from '../../core/calendar/index.ts';
import { MAX_DURATION_MIN, parseDurationInput } from '../../core/korean-input.ts';
import { addDays, addMonths, daysBetween, lastDayOfMonth, monthOf, seoulDate, seoulInstant, type IsoDate } from '../../core/calendar/index.ts';
import { UserError } from '../../core/errors.ts';
import type { ScheduleInput } from '../../scheduler/scheduler.ts';
import { recordAudit } from '../audit/service.ts';
import type { FeatureContext, LinkedContext } from '../context.ts';

declare module '../context.ts' {
  interface FeatureEvents {
    /** A series' reminders were (re)planned: after a create, an edit, a holiday change, the daily run. */
    'meetups.planned': { seriesId: number };
  }
}
import { findOrganization, findPartnership } from '../directory/service.ts';
import { closuresBetween } from '../holidays/service.ts';
import { meetupNudge, meetupReminder } from './jobs.ts';
import { seriesInclude, type FirstShift, type Occurrence, type Series, type SeriesForPlanning, type Tally } from './model.ts';
import { parseRecurrence, plannedDates, recurrenceFromRRule, toRRule } from './recurrence.ts';
import {
  DEFAULT_LEADS,
  kindFromTitle,
  MAX_START_AGE_DAYS,
  MAX_WINDOW_DAYS,
  NEXT_DATE_SEARCH_DAYS,
  NUDGE_LEAD_MS,
  parseLeads,
  PLANNING_HORIZON_DAYS,
  type Answer,
  type MeetupKind,
} from './rules.ts';

export function loadSeries({ db }: Pick<FeatureContext, 'db'>, id: number) {
  return db.meetupSeries.findUnique({ where: { id }, include: seriesInclude });
}

/** Every active series, as loadSeries gives them (the daily re-plan reads them at once). */
export function loadActiveSeries({ db }: Pick<FeatureContext, 'db'>): Promise<Series[]> {
  return db.meetupSeries.findMany({ where: { status: 'active' }, include: seriesInclude, orderBy: { id: 'asc' } });
}

/**
 * Did moving the planning horizon from day `since` to today bring an
 * occurrence of this series into it? Only then does the daily re-plan have
 * anything to add (edits, cancellations and closures re-plan when they
 * happen). The rule's dates (originals) after the old horizon's end are the
 * new ones; holiday moves and changed dates then plan as usual.
 * `closures` must cover since+H-10 … today+H+10.
 */
export function horizonMoved(series: SeriesForPlanning, since: IsoDate, now: Date, closures: ReadonlySet<string>): boolean {
  const today = seoulDate(now);
  if (since >= today) return false;
  return occurrencesOf(series as Series, addDays(since, PLANNING_HORIZON_DAYS + 1), addDays(today, PLANNING_HORIZON_DAYS), closures).some((o) => o.start > now);
}

/** Every active series for the daily check, without participants (10,000 series read in one go). */
export function activeSeriesForPlanning({ db }: Pick<FeatureContext, 'db'>): Promise<SeriesForPlanning[]> {
  return db.meetupSeries.findMany({ where: { status: 'active' }, include: { changes: true }, orderBy: { id: 'asc' } });
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
  // Most series have a date within the usual window; 매년 2월 29일 may need years.
  for (const days of [MAX_WINDOW_DAYS, NEXT_DATE_SEARCH_DAYS]) {
    const to = addDays(today, days);
    const closures = await closuresBetween(ctx, addDays(today, -10), to);
    const next = occurrencesOf(series, addDays(today, -10), to, closures).find((o) => o.start > now);
    if (next) return next;
  }
  throw new UserError('meetup.noUpcoming', { id: series.id });
}

// ---------- create / edit / cancel ----------

/** duration= as typed (90, 90분, 1시간 30분, 1.5시간, 1h30m) -> minutes; undefined stays undefined. */
export function durationMinutes(input: string | undefined): number | undefined {
  if (input === undefined) return undefined;
  const minutes = parseDurationInput(input);
  if (minutes === undefined) throw new UserError('meetup.badDuration');
  return checkDuration(minutes);
}

/** The one rule for a meetup's length, on create and on edit whatever the caller: 1 minute to 24 hours, whole minutes. */
export function checkDuration(minutes: number): number;
export function checkDuration(minutes: number | undefined): number | undefined;
export function checkDuration(minutes: number | undefined): number | undefined {
  if (minutes === undefined) return undefined;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_DURATION_MIN) throw new UserError('meetup.badDuration');
  return minutes;
}

/**
 * The first date of a new series that has not passed (holiday policy
 * applied), and the rule's own first date before the policy; looked for in
 * the usual window, then years ahead (매년 2월 29일).
 */
async function firstDates(ctx: FeatureContext, rrule: string, from: string, policy: HolidayPolicy) {
  const now = ctx.clock.now();
  for (const days of [MAX_WINDOW_DAYS, NEXT_DATE_SEARCH_DAYS]) {
    const closures = await closuresBetween(ctx, addDays(from, -10), addDays(from, days + 10));
    const first = plannedDates(rrule, from, addDays(from, days), policy, closures).find((d) => seoulInstant(d.date, d.time) > now);
    if (!first) continue;
    const planned = plannedDates(rrule, from, addDays(from, days), 'keep').find((d) => seoulInstant(d.date, d.time) > now);
    return { first, planned, closures };
  }
  return undefined;
}

/** Why a planned date is not a working day: a holiday's name, a closure, or the weekend. */
function offDayReason(date: string, closures: ReadonlySet<string>): string {
  const holiday = holidaysOn(date)[0];
  if (holiday) return holiday.name;
  if (closures.has(date)) return 'meetup.reasonClosure';
  return isWeekend(date) ? 'meetup.reasonWeekend' : 'meetup.reasonClosure';
}

export interface SeriesInput {
  title: string;
  /** Absent: from the title (사례회의, 간담회, 설명회, 워크숍), else 정례모임. */
  kind?: MeetupKind;
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
  const leads = parseLeads(input.remind ?? DEFAULT_LEADS);
  const kind = input.kind ?? kindFromTitle(input.title);
  if (input.until && input.until < input.start) throw new UserError('meetup.untilBeforeStart', { start: input.start, until: input.until });
  const today = seoulDate(ctx.clock.now());
  const earliest = addDays(today, -MAX_START_AGE_DAYS);
  if (input.start < earliest) throw new UserError('meetup.startTooOld', { start: input.start, earliest });
  const durationMin = checkDuration(input.durationMin) ?? 60;
  const organiser = await findOrganization(ctx, input.organiserRef);
  assertMayOrganise(ctx, organiser.id);
  const participants = await participantIds(ctx, organiser.id, input);
  const rrule = toRRule(recurrence, input.start, input.time, input.until);
  // A series whose every date has passed would never remind anyone.
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings, compared as text
  const from = input.start > today ? input.start : today;
  const policy = input.holiday ?? 'next';
  const found = await firstDates(ctx, rrule, from, policy);
  if (!found) throw new UserError('meetup.noFuture', { start: input.start });
  // The rule's own first date, before the holiday policy: said at creation when it moved or was skipped.
  const { first, planned: firstPlanned, closures } = found;
  let firstShift: FirstShift | undefined;
  if (firstPlanned && firstPlanned.original !== first.original) {
    firstShift = { original: firstPlanned.original, date: null, reason: offDayReason(firstPlanned.original, closures) };
  } else if (first.date !== first.original) {
    firstShift = { original: first.original, date: first.date, reason: offDayReason(first.original, closures) };
  }
  const series = await ctx.db.$transaction(async (tx) => {
    const created = await tx.meetupSeries.create({
      data: {
        title: input.title,
        kind,
        organiserId: organiser.id,
        partnershipId: input.partnershipId ?? null,
        place: input.place ?? null,
        link: input.link ?? null,
        startDate: input.start,
        time: input.time,
        durationMin,
        rrule,
        until: input.until ?? null,
        holidayPolicy: policy,
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
  return { series: loaded, kindGuessed: input.kind === undefined, firstShift };
}

export interface SeriesEdit {
  title?: string;
  kind?: MeetupKind;
  /** Organisations to add as participants. */
  withRefs?: string[];
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
  checkDuration(edit.durationMin);
  const time = edit.time ?? series.time;
  const until = edit.until ?? series.until ?? undefined;
  const recurrence = edit.repeat ? parseRecurrence(edit.repeat) : recurrenceFromRRule(series.rrule);
  const rrule = edit.repeat || edit.time || edit.until ? toRRule(recurrence, series.startDate, time, until) : series.rrule;
  if (edit.remind) parseLeads(edit.remind);
  const present = new Set(series.participants.map((p) => p.orgId));
  const added: number[] = [];
  for (const ref of edit.withRefs ?? []) {
    const org = await findOrganization(ctx, ref);
    if (!present.has(org.id) && !added.includes(org.id)) added.push(org.id);
  }
  await ctx.db.$transaction(async (tx) => {
    if (added.length) await tx.meetupParticipant.createMany({ data: added.map((orgId) => ({ seriesId: id, orgId })) });
    await tx.meetupSeries.update({
      where: { id },
      data: {
        title: edit.title,
        kind: edit.kind,
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

/**
 * The rule's date (the occurrence's identity) of the occurrence a user names
 * by `on`: its original date, or the date it was moved to by the holiday
 * policy or by hand. Cancelled occurrences are found too. Undefined: none.
 */
export async function originalOf(ctx: FeatureContext, series: Series, on: string): Promise<string | undefined> {
  const closures = await closuresBetween(ctx, addDays(on, -20), addDays(on, 20));
  const planned = plannedDates(series.rrule, addDays(on, -10), addDays(on, 10), series.holidayPolicy as HolidayPolicy, closures);
  const changes = new Map(series.changes.map((c) => [c.original, c]));
  if (planned.some((p) => p.original === on)) return on;
  return planned.find((p) => (changes.get(p.original)?.date ?? p.date) === on)?.original ?? series.changes.find((c) => c.date === on)?.original;
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
  if (series.status === 'cancelled') throw new UserError('meetup.cancelledAlready', { id });
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
  if (series.status === 'cancelled') throw new UserError('meetup.cancelledAlready', { id });
  const original = await originalOf(ctx, series, on);
  if (original && series.changes.some((c) => c.original === original && c.cancelled)) {
    throw new UserError('meetup.occurrenceCancelledAlready', { id, date: on });
  }
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

/** Undoes /meetup cancel: the series is active again and its reminders are planned anew. */
export async function restoreSeries(ctx: FeatureContext, id: number) {
  const series = await findSeries(ctx, id);
  await assertMayEdit(ctx, series);
  if (series.status !== 'cancelled') throw new UserError('meetup.notCancelled', { id });
  await ctx.db.$transaction(async (tx) => {
    await tx.meetupSeries.update({ where: { id }, data: { status: 'active' } });
    await recordAudit(tx, ctx.clock, ctx.actor, 'meetup.restore', `meetup #${id}`);
  });
  const restored = await findSeries(ctx, id);
  await planReminders(ctx, restored);
  return restored;
}

/** Undoes /meetup cancel on=: that occurrence takes place again. */
export async function restoreOccurrence(ctx: FeatureContext, id: number, on: string) {
  const series = await findSeries(ctx, id);
  await assertMayEdit(ctx, series);
  if (series.status === 'cancelled') throw new UserError('meetup.seriesCancelled', { id });
  const original = await originalOf(ctx, series, on);
  const change = series.changes.find((c) => c.original === original);
  if (!original || !change?.cancelled) throw new UserError('meetup.occurrenceNotCancelled', { id, date: on });
  await ctx.db.$transaction(async (tx) => {
    await tx.meetupChange.update({ where: { id: change.id }, data: { cancelled: false } });
    await recordAudit(tx, ctx.clock, ctx.actor, 'meetup.restore-one', `meetup #${id} ${original}`);
  });
  const restored = await findSeries(ctx, id);
  await planReminders(ctx, restored);
  return { series: restored, occurrence: await occurrenceFor(ctx, restored, original) };
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

export async function tally({ db }: Pick<FeatureContext, 'db'>, series: Series, original: string): Promise<Tally> {
  const orgIds = series.participants.map((p) => p.orgId);
  const [answers, members] = await Promise.all([
    db.rsvp.findMany({ where: { seriesId: series.id, original } }),
    db.member.findMany({ where: { orgId: { in: orgIds }, status: 'active' }, select: { id: true, name: true }, orderBy: { id: 'asc' }, take: 500 }),
  ]);
  const participantIds = new Set(members.map((m) => m.id));
  const own = answers.filter((a) => participantIds.has(a.memberId));
  const guestIds = answers.filter((a) => !participantIds.has(a.memberId) && a.answer === 'yes').map((a) => a.memberId);
  const guests = guestIds.length
    ? await db.member.findMany({ where: { id: { in: guestIds } }, select: { id: true, name: true }, orderBy: { id: 'asc' } })
    : [];
  const answered = new Set(own.map((a) => a.memberId));
  return {
    yes: own.filter((a) => a.answer === 'yes').length,
    no: own.filter((a) => a.answer === 'no').length,
    maybe: own.filter((a) => a.answer === 'maybe').length,
    missing: members.filter((m) => !answered.has(m.id)),
    proxies: own.filter((a) => a.proxyName).map((a) => a.proxyName as string),
    guests,
  };
}

/**
 * Answers for the caller. Only members of the participant organisations are
 * invited; anyone else is told so (and how to be added), unless they come as
 * a guest on purpose (guest=yes), counted apart from the participants.
 */
export async function rsvp(
  ctx: LinkedContext,
  id: number,
  answer: Answer,
  options: { on?: string; proxy?: string; guest?: boolean },
) {
  const series = await findSeries(ctx, id);
  if (series.status === 'cancelled') throw new UserError('meetup.seriesCancelled', { id });
  const memberId = ctx.actor.memberId;
  const invited = ctx.actor.orgId !== undefined && series.participants.some((p) => p.orgId === ctx.actor.orgId);
  if (!invited && !options.guest) {
    throw new UserError('meetup.notInvited', { id, title: series.title, orgs: series.participants.map((p) => p.org.name).join(', ') });
  }
  const guest = !invited;
  if (guest && options.proxy) throw new UserError('meetup.guestNoProxy', { id });
  const occurrence = await occurrenceFor(ctx, series, options.on);
  if (occurrence.start <= ctx.clock.now()) throw new UserError('meetup.rsvpClosed', { date: occurrence.date, time: occurrence.time });
  if (options.proxy && answer !== 'yes') throw new UserError('meetup.proxyNeedsYes');
  await ctx.db.$transaction(async (tx) => {
    await tx.rsvp.upsert({
      where: { seriesId_original_memberId: { seriesId: id, original: occurrence.original, memberId } },
      create: { seriesId: id, original: occurrence.original, memberId, answer, proxyName: options.proxy ?? null, updatedAt: ctx.clock.now() },
      update: { answer, proxyName: options.proxy ?? null, updatedAt: ctx.clock.now() },
    });
    await recordAudit(tx, ctx.clock, ctx.actor, 'meetup.rsvp', `meetup #${id} ${occurrence.original}`, guest ? { answer, guest } : { answer });
  });
  return { series, occurrence, guest, tally: await tally(ctx, series, occurrence.original) };
}

// ---------- reminder jobs ----------

export const groupOf = (seriesId: number) => `meetup:${seriesId}`;

/**
 * (Re)writes the reminder jobs of one series for the next PLANNING_HORIZON_DAYS:
 * a reminder per lead time (posted to the participants' channels) and a DM
 * nudge a day before for those who have not answered. Jobs of occurrences that
 * moved or were cancelled are dropped (replaceGroup).
 */
export async function planReminders(ctx: FeatureContext, series: Series, knownClosures?: ReadonlySet<string>): Promise<number> {
  const now = ctx.clock.now();
  const today = seoulDate(now);
  const to = addDays(today, PLANNING_HORIZON_DAYS);
  const closures = knownClosures ?? (await closuresBetween(ctx, addDays(today, -10), addDays(to, 10)));
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
  // Others that hang on a series' dates (case-conference agendas) plan with it.
  await ctx.emit('meetups.planned', { seriesId: series.id });
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
  // A yearly series (매년 2월 29일) may have its next date further ahead.
  if (upcoming.length === 0) {
    const later = await occurrenceFor(ctx, series).catch(() => undefined);
    if (later) upcoming.push(later);
  }
  const focus = on ? await occurrenceFor(ctx, series, on) : upcoming[0];
  const next = focus ? { occurrence: focus, tally: await tally(ctx, series, focus.original) } : undefined;
  return { series, upcoming, next };
}

/** Occurrences for a calendar file: one series, or every meeting of an organisation, from today for 1–12 months. */
export async function calendarOccurrences(ctx: FeatureContext, input: { id?: number; orgRef?: string; months?: number }) {
  const from = seoulDate(ctx.clock.now());
  // months=N: N calendar months (not N × 31 days).
  const months = Math.min(12, Math.max(1, input.months ?? 12));
  const to = monthsWindowEnd(from, months);
  if (input.id !== undefined) {
    const series = await findSeries(ctx, input.id);
    const closures = await closuresBetween(ctx, addDays(from, -10), addDays(to, 10));
    return { occurrences: occurrencesOf(series, from, to, closures), name: `meetup-${input.id}.ics` };
  }
  if (!input.orgRef) throw new UserError('meetup.icsNeedsTarget');
  const org = await findOrganization(ctx, input.orgRef);
  return { occurrences: await listOccurrences(ctx, { orgId: org.id, from, to }), name: `meetups-org-${org.id}.ics` };
}

/** Occurrences in a window: an organisation's (by name), else the caller's organisation's; 30 days from today by default. */
export async function upcomingOccurrences(ctx: FeatureContext, input: { orgRef?: string; from?: IsoDate; to?: IsoDate }) {
  const from = input.from ?? seoulDate(ctx.clock.now());
  const to = input.to ?? addDays(from, 30);
  const orgId = input.orgRef ? (await findOrganization(ctx, input.orgRef)).id : ctx.actor.orgId;
  return { from, to, occurrences: await listOccurrences(ctx, { orgId, from, to }) };
}

/**
 * The last day of `months` calendar months from `date`: the day before the
 * same day N months on (11-25 + 12 -> 2027-11-24), or the last day of that
 * month when it has no such day (01-31 + 1 -> 02-28).
 */
export function monthsWindowEnd(date: IsoDate, months: number): IsoDate {
  const month = addMonths(monthOf(date), months);
  const last = lastDayOfMonth(month);
  const same = `${month}-${date.slice(8, 10)}`;
  return same > last ? last : addDays(same, -1);
}
