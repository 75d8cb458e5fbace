// The meetup jobs the scheduler runs:
// - meetup.reminder: an occurrence's reminder (7 days, 1 day, 1 hour before …)
//   posted to every participant organisation's channels, with RSVP buttons;
// - meetup.nudge: a day before, a DM to each participant who has not answered
//   (never an @-mention in the channel), in their own language;
// - meetup.plan: daily, keeps every series' reminder jobs planned ahead;
// - meetup.month: on the first working day of each month, "이번 달 모임" to
//   each organisation's channels.
// Every delivery's idempotency key is derived from the job key, so a job run
// again after a crash never sends twice (the outbox keeps one row per key).
import { addDays, addMonths, firstDayOfMonth, lastDayOfMonth, seoulDate, type IsoDate } from '../../core/calendar/index.ts';
import { choiceLabel } from '../../core/i18n/index.ts';
import { runJob, type FeatureContext, type z } from '../context.ts';
import { closuresBetween } from '../holidays/service.ts';
import { PLANNING_HORIZON_DAYS } from './rules.ts';
import { leadText, occurrenceCard, occurrenceLine, rsvpButtons, whenText } from './cards.ts';
import { meetupMonth, meetupNudge, meetupPlan, meetupReminder, type occurrencePayload, scheduleMonth, schedulePlan } from './jobs.ts';
import {
  activeSeriesForPlanning,
  horizonMoved,
  listOccurrences,
  loadActiveSeries,
  loadSeries,
  occurrenceFor,
  planReminders,
  tally,
} from './service.ts';

/** The series and occurrence a job is about, while both still stand and the meeting has not begun. */
async function liveOccurrence(ctx: FeatureContext, payload: z.infer<typeof occurrencePayload>) {
  const series = await loadSeries(ctx, payload.seriesId);
  if (series?.status !== 'active') return undefined;
  const occurrence = await occurrenceFor(ctx, series, payload.original).catch(() => undefined);
  if (!occurrence || occurrence.start <= ctx.clock.now()) return undefined;
  return { series, occurrence };
}

export const meetupReminderRun = runJob(meetupReminder, async (ctx, payload, job) => {
  const live = await liveOccurrence(ctx, payload);
  if (!live) return;
  const { series, occurrence } = live;
  const counts = await tally(ctx, series, occurrence.original);
  const card = (t: Parameters<typeof leadText>[0]) =>
    occurrenceCard(
      t,
      occurrence,
      counts,
      t('meetup.reminderTitle', {
        kind: choiceLabel(t, 'meetupKind', series.kind),
        title: series.title,
        lead: leadText(t, payload.lead ?? '1d'),
      }),
    );
  // One key for all participants: a channel bound to two of them gets it once.
  for (const participant of series.participants) await ctx.deliver.deliver({ kind: 'org', id: participant.orgId }, card, job.key);
  if (series.partnershipId) await ctx.deliver.deliver({ kind: 'partnership', id: series.partnershipId }, card, job.key);
});

export const meetupNudgeRun = runJob(meetupNudge, async (ctx, payload, job) => {
  const live = await liveOccurrence(ctx, payload);
  if (!live) return;
  const { series, occurrence } = live;
  const counts = await tally(ctx, series, occurrence.original);
  for (const member of counts.missing) {
    await ctx.deliver.deliver(
      { kind: 'member', id: member.id },
      (t) => ({
        title: series.title,
        lines: [t('meetup.nudge', { title: series.title, date: occurrence.date, time: occurrence.time })],
        fields: [{ label: t('meetup.fieldWhen'), value: whenText(t, occurrence) }],
        buttons: rsvpButtons(t, occurrence),
      }),
      `${job.key}:m${member.id}`,
    );
  }
});

// The daily run re-plans only the series the moved horizon reaches (a new
// occurrence entered it since the last daily run); a one-off run (payload
// reason: closures changed) and the first run ever re-plan every series.
export const meetupPlanRun = runJob(meetupPlan, async (ctx, payload, job) => {
  const now = ctx.clock.now();
  const today = seoulDate(now);
  const since = payload.reason ? undefined : await lastDailyPlan(ctx, today);
  let planned = 0;
  let looked = 0;
  if (since) {
    const closures = await closuresBetween(ctx, addDays(since, PLANNING_HORIZON_DAYS - 10), addDays(today, PLANNING_HORIZON_DAYS + 10));
    const candidates = await activeSeriesForPlanning(ctx);
    looked = candidates.length;
    for (const candidate of candidates) {
      if (!horizonMoved(candidate, since, now, closures)) continue;
      const series = await loadSeries(ctx, candidate.id);
      if (series) await planReminders(ctx, series);
      planned++;
    }
  } else {
    const active = await loadActiveSeries(ctx);
    looked = active.length;
    const closures = await closuresBetween(ctx, addDays(today, -10), addDays(today, PLANNING_HORIZON_DAYS + 10));
    for (const series of active) {
      await planReminders(ctx, series, closures);
      planned++;
    }
  }
  ctx.logger.info({ job: job.key, series: looked, planned, since: since ?? null }, 'meetup reminders planned');
  await schedulePlan(ctx, addDays(today, 1));
});

export const meetupMonthRun = runJob(meetupMonth, async (ctx, { month }, job) => {
  const from = firstDayOfMonth(month);
  const to = lastDayOfMonth(month);
  const orgs = await ctx.db.organization.findMany({ where: { channels: { some: {} } }, select: { id: true } });
  for (const org of orgs) {
    const occurrences = await listOccurrences(ctx, { orgId: org.id, from, to });
    if (occurrences.length === 0) continue;
    await ctx.deliver.deliver(
      { kind: 'org', id: org.id },
      (t) => ({ title: t('meetup.monthTitle', { month }), lines: occurrences.map((o) => occurrenceLine(t, o)) }),
      job.key,
    );
  }
  await scheduleMonth(ctx, addMonths(month, 1));
});

/** The day of the last daily planning run before `today` that completed (undefined: none). */
async function lastDailyPlan(ctx: FeatureContext, today: IsoDate): Promise<IsoDate | undefined> {
  const last = await ctx.db.job.findFirst({
    where: { kind: 'meetup.plan', status: 'done', key: { gte: 'meetup-plan:0000-00-00', lt: `meetup-plan:${today}` } },
    orderBy: { key: 'desc' },
    select: { key: true },
  });
  const day = last?.key.slice('meetup-plan:'.length);
  return day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined;
}
