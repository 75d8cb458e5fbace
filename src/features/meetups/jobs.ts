// The meetup job kinds (their runs are in job-runs.ts): an occurrence's
// reminder and the nudge a day before, the daily planning and the monthly
// overview; and when the recurring ones run.
import { addMonths, monthOf, seoulDate, seoulInstant, type IsoDate, type IsoMonth } from '../../core/calendar/index.ts';
import { defineJob, z, type FeatureContext } from '../context.ts';
import { firstWorkingDay } from '../holidays/service.ts';

export const occurrencePayload = z.object({ seriesId: z.number().int(), original: z.string(), lead: z.string().optional() });

export const meetupReminder = defineJob({ kind: 'meetup.reminder', payload: occurrencePayload });

export const meetupNudge = defineJob({ kind: 'meetup.nudge', payload: occurrencePayload });

export const meetupPlan = defineJob({
  kind: 'meetup.plan',
  payload: z.object({ day: z.string().optional(), reason: z.string().optional() }),
});

export const meetupMonth = defineJob({ kind: 'meetup.month', payload: z.object({ month: z.string().regex(/^\d{4}-\d{2}$/) }) });

export async function schedulePlan(ctx: FeatureContext, day: IsoDate): Promise<void> {
  await meetupPlan.schedule(ctx.scheduler, {
    key: `meetup-plan:${day}`,
    payload: { day },
    dueAt: seoulInstant(day, '05:00'),
    lateUntil: seoulInstant(day, '23:59'),
  });
}

export async function scheduleMonth(ctx: FeatureContext, month: IsoMonth): Promise<void> {
  const day = await firstWorkingDay(ctx, month);
  if (!day) return;
  await meetupMonth.schedule(ctx.scheduler, {
    key: `meetup-month:${month}`,
    payload: { month },
    dueAt: seoulInstant(day, '09:00'),
    lateUntil: seoulInstant(day, '23:59'),
  });
}

/** Closures move meetings: re-plan every series' reminders now (a one-off planning job). */
export async function replanSoon(ctx: FeatureContext, reason: string): Promise<void> {
  await meetupPlan.schedule(ctx.scheduler, {
    key: `meetup-plan:${reason}:${ctx.clock.now().toISOString()}`,
    payload: { reason },
    dueAt: ctx.clock.now(),
  });
}

/**
 * At start: make sure the recurring jobs exist (after downtime a missed one
 * would otherwise end its chain): today's planning run and the next monthly
 * digest (this month's if its day has not passed, else next month's).
 */
export async function ensureMeetupJobs(ctx: FeatureContext): Promise<void> {
  const today = seoulDate(ctx.clock.now());
  await schedulePlan(ctx, today);
  const thisMonth = monthOf(today);
  const firstDay = await firstWorkingDay(ctx, thisMonth);
  await scheduleMonth(ctx, firstDay && firstDay >= today ? thisMonth : addMonths(thisMonth, 1));
}
