// Digest jobs: each week's planning (on its digest day: Monday, or the next
// working day) schedules one sending job per time slot (08:30 unless a person
// or their organisation chose another); each sends to the people of its slot.
// Keys: one job per week and slot, one outbox row per person per week.
import { addDays, seoulDate, seoulInstant } from '../../core/calendar/index.ts';
import { defineJob, z, type FeatureContext } from '../context.ts';
import { closuresBetween } from '../holidays/service.ts';
import { digestDay, digestTime, weekStart } from './rules.ts';
import { recipients, sendDigests } from './service.ts';

export const digestPlan = defineJob({
  kind: 'digest.plan',
  payload: z.object({ monday: z.string() }),
  run: async (ctx, { monday }) => {
    const day = await dayOf(ctx, monday);
    const people = await recipients(ctx);
    const orgs = new Map((await ctx.db.organization.findMany({ where: { digestTime: { not: null } }, select: { id: true, digestTime: true } })).map((o) => [o.id, o]));
    const slots = new Set(people.map((p) => digestTime(p, p.orgId !== null ? orgs.get(p.orgId) : null)));
    for (const time of slots) {
      const dueAt = seoulInstant(day, time);
      await digestSend.schedule(ctx.scheduler, { key: `digest-send:${monday}:${time}`, payload: { monday, time }, dueAt, lateUntil: seoulInstant(day, '23:59') });
    }
    await scheduleDigestPlan(ctx, addDays(monday, 7));
  },
});

export const digestSend = defineJob({
  kind: 'digest.send',
  payload: z.object({ monday: z.string(), time: z.string() }),
  run: async (ctx, { monday, time }) => {
    const people = await recipients(ctx);
    const orgs = new Map((await ctx.db.organization.findMany({ where: { digestTime: { not: null } }, select: { id: true, digestTime: true } })).map((o) => [o.id, o]));
    const due = people.filter((p) => digestTime(p, p.orgId !== null ? orgs.get(p.orgId) : null) === time);
    const sent = await sendDigests(ctx, monday, due);
    ctx.logger.info({ monday, time, people: due.length, sent }, 'weekly digests sent');
  },
});

async function dayOf(ctx: FeatureContext, monday: string) {
  return digestDay(monday, await closuresBetween(ctx, monday, addDays(monday, 14)));
}

/** Plans a week's digests at 00:05 of its digest day; at start, this week's (if its day has not passed) or the next. */
export async function scheduleDigestPlan(ctx: FeatureContext, monday?: string): Promise<void> {
  const today = seoulDate(ctx.clock.now());
  let week = monday ?? weekStart(today);
  if (!monday && (await dayOf(ctx, week)) < today) week = addDays(week, 7);
  const day = await dayOf(ctx, week);
  await digestPlan.schedule(ctx.scheduler, { key: `digest-plan:${week}`, payload: { monday: week }, dueAt: seoulInstant(day, '00:05'), lateUntil: seoulInstant(day, '23:59') });
}
