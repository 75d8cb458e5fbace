// The meetup jobs the scheduler runs:
// - meetup.reminder: an occurrence's reminder (7 days, 1 day, 1 hour before …)
//   posted to every participant organisation's channels, with RSVP buttons;
// - meetup.nudge: a day before, a DM to each participant who has not answered
//   (never an @-mention in the channel);
// - meetup.plan: daily, keeps every series' reminder jobs planned ahead;
// - meetup.month: on the first working day of each month, "이번 달 모임" to
//   each organisation's channels.
// Every delivery's idempotency key is derived from the job key, so a job run
// again after a crash never sends twice (the outbox keeps one row per key).
import type { Logger } from 'pino';
import { firstWorkingDayOfMonth } from '../../core/calendar/holidays.ts';
import {
  addDays,
  addMonths,
  firstDayOfMonth,
  lastDayOfMonth,
  monthOf,
  seoulDate,
  seoulInstant,
  type IsoDate,
  type IsoMonth,
} from '../../core/calendar/index.ts';
import type { Clock } from '../../core/clock.ts';
import type { Deliverer } from '../../core/deliver.ts';
import { translator, type Locale } from '../../core/i18n/index.ts';
import type { Db } from '../../db/client.ts';
import type { Scheduler } from '../../scheduler/scheduler.ts';
import { leadText, occurrenceCard, occurrenceLine, rsvpButtons, whenText } from './cards.ts';
import { closuresBetween, listOccurrences, loadSeries, occurrenceFor, planReminders, tally } from './service.ts';
import { choiceLabel } from '../../core/i18n/index.ts';

export interface MeetupJobDeps {
  db: Db;
  clock: Clock;
  deliver: Deliverer;
  scheduler: Scheduler;
  logger: Logger;
  locale: Locale;
}

interface OccurrencePayload {
  seriesId: number;
  original: string;
  lead?: string;
}

export function registerMeetupJobs(deps: MeetupJobDeps): void {
  const { db, clock, deliver, scheduler } = deps;
  const t = translator(deps.locale);

  async function liveOccurrence(payload: OccurrencePayload) {
    const series = await loadSeries(db, payload.seriesId);
    if (!series || series.status !== 'active') return undefined;
    const occurrence = await occurrenceFor(db, series, clock.now(), payload.original).catch(() => undefined);
    if (!occurrence || occurrence.start <= clock.now()) return undefined;
    return { series, occurrence };
  }

  scheduler.register('meetup.reminder', async (job) => {
    const payload = job.payload as OccurrencePayload;
    const live = await liveOccurrence(payload);
    if (!live) return;
    const { series, occurrence } = live;
    const counts = await tally(db, series, occurrence.original);
    const title = t('meetup.reminderTitle', {
      kind: choiceLabel(t, 'meetupKind', series.kind),
      title: series.title,
      lead: leadText(t, payload.lead ?? '1d'),
    });
    const card = occurrenceCard(t, occurrence, counts, title);
    // One key for all participants: a channel bound to two of them gets it once.
    for (const participant of series.participants) await deliver.deliver({ kind: 'org', id: participant.orgId }, card, job.key);
    if (series.partnershipId) await deliver.deliver({ kind: 'partnership', id: series.partnershipId }, card, job.key);
  });

  scheduler.register('meetup.nudge', async (job) => {
    const live = await liveOccurrence(job.payload as OccurrencePayload);
    if (!live) return;
    const { series, occurrence } = live;
    const counts = await tally(db, series, occurrence.original);
    for (const member of counts.missing) {
      await deliver.deliver(
        { kind: 'member', id: member.id },
        {
          title: series.title,
          lines: [t('meetup.nudge', { title: series.title, date: occurrence.date, time: occurrence.time })],
          fields: [{ label: t('meetup.fieldWhen'), value: whenText(t, occurrence) }],
          buttons: rsvpButtons(t, occurrence),
        },
        `${job.key}:m${member.id}`,
      );
    }
  });

  scheduler.register('meetup.plan', async (job) => {
    const now = clock.now();
    const active = await db.meetupSeries.findMany({ where: { status: 'active' }, select: { id: true } });
    for (const { id } of active) {
      const series = await loadSeries(db, id);
      if (series) await planReminders(db, scheduler, series, now);
    }
    deps.logger.info({ job: job.key, series: active.length }, 'meetup reminders planned');
    await schedulePlan(scheduler, addDays(seoulDate(now), 1));
  });

  scheduler.register('meetup.month', async (job) => {
    const { month } = job.payload as { month: string };
    const from = firstDayOfMonth(month);
    const to = lastDayOfMonth(month);
    const orgs = await db.organization.findMany({ where: { channels: { some: {} } }, select: { id: true } });
    for (const org of orgs) {
      const occurrences = await listOccurrences(db, { orgId: org.id, from, to });
      if (occurrences.length === 0) continue;
      await deliver.deliver(
        { kind: 'org', id: org.id },
        { title: t('meetup.monthTitle', { month }), lines: occurrences.map((o) => occurrenceLine(t, o)) },
        job.key,
      );
    }
    await scheduleMonth(db, scheduler, addMonths(month, 1));
  });
}

async function schedulePlan(scheduler: Scheduler, day: string): Promise<void> {
  await scheduler.schedule({
    kind: 'meetup.plan',
    key: `meetup-plan:${day}`,
    payload: { day },
    dueAt: seoulInstant(day, '05:00'),
    lateUntil: seoulInstant(day, '23:59'),
  });
}

async function scheduleMonth(db: Db, scheduler: Scheduler, month: string): Promise<void> {
  const day = await firstWorkingDay(db, month);
  if (!day) return;
  await scheduler.schedule({
    kind: 'meetup.month',
    key: `meetup-month:${month}`,
    payload: { month },
    dueAt: seoulInstant(day, '09:00'),
    lateUntil: seoulInstant(day, '23:59'),
  });
}

/**
 * At start: make sure the recurring jobs exist (after downtime a missed one
 * would otherwise end its chain): today's planning run and the next monthly
 * digest (this month's if its day has not passed, else next month's).
 */
export async function ensureMeetupJobs(db: Db, scheduler: Scheduler, now: Date): Promise<void> {
  const today = seoulDate(now);
  await schedulePlan(scheduler, today);
  const thisMonth = monthOf(today);
  const firstDay = await firstWorkingDay(db, thisMonth);
  await scheduleMonth(db, scheduler, firstDay && firstDay >= today ? thisMonth : addMonths(thisMonth, 1));
}

/** The month's first working day, with the admin closures; null if all closed. */
async function firstWorkingDay(db: Db, month: IsoMonth): Promise<IsoDate | null> {
  const [y, m] = month.split('-').map(Number);
  return firstWorkingDayOfMonth(y, m, await closuresBetween(db, firstDayOfMonth(month), lastDayOfMonth(month)));
}
