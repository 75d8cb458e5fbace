// Digest job kinds: each week's planning and the sending per time slot, and
// when a week's planning runs. Their runs are in job-runs.ts.
import { addDays, seoulDate, seoulInstant } from '../../core/calendar/index.ts';
import { defineJob, z, type FeatureContext } from '../context.ts';
import { closuresBetween } from '../holidays/service.ts';
import { digestDay, weekStart } from './rules.ts';

export const digestPlan = defineJob({ kind: 'digest.plan', payload: z.object({ monday: z.string() }) });

export const digestSend = defineJob({ kind: 'digest.send', payload: z.object({ monday: z.string(), time: z.string() }) });

/** The digest day of the week starting `monday` (Monday, or the next working day). */
export async function dayOf(ctx: FeatureContext, monday: string) {
  return digestDay(monday, await closuresBetween(ctx, monday, addDays(monday, 14)));
}

/** Plans a week's digests at 00:05 of its digest day; at start, this week's (if its day has not passed) or the next. */
export async function scheduleDigestPlan(ctx: FeatureContext, monday?: string): Promise<void> {
  const today = seoulDate(ctx.clock.now());
  let week = monday ?? weekStart(today);
  if (!monday && (await dayOf(ctx, week)) < today) week = addDays(week, 7);
  const day = await dayOf(ctx, week);
  await digestPlan.schedule(ctx.scheduler, {
    key: `digest-plan:${week}`,
    payload: { monday: week },
    dueAt: seoulInstant(day, '00:05'),
    lateUntil: seoulInstant(day, '23:59'),
  });
}
