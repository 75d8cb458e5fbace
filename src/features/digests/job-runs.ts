// Digest jobs: each week's planning (on its digest day: Monday, or the next
// working day) schedules one sending job per time slot (08:30 unless a person
// or their organisation chose another); each sends to the people of its slot.
// Keys: one job per week and slot, one outbox row per person per week.
import { addDays, seoulInstant } from '../../core/calendar/index.ts';
import { runJob } from '../context.ts';
import { dayOf, digestPlan, digestSend, scheduleDigestPlan } from './jobs.ts';
import { digestTime } from './rules.ts';
import { recipients, sendDigests } from './service.ts';

export const digestPlanRun = runJob(digestPlan, async (ctx, { monday }) => {
  const day = await dayOf(ctx, monday);
  const people = await recipients(ctx);
  const orgs = new Map(
    (await ctx.db.organization.findMany({ where: { digestTime: { not: null } }, select: { id: true, digestTime: true } })).map((o) => [
      o.id,
      o,
    ]),
  );
  const slots = new Set(people.map((p) => digestTime(p, p.orgId !== null ? orgs.get(p.orgId) : null)));
  for (const time of slots) {
    const dueAt = seoulInstant(day, time);
    await digestSend.schedule(ctx.scheduler, {
      key: `digest-send:${monday}:${time}`,
      payload: { monday, time },
      dueAt,
      lateUntil: seoulInstant(day, '23:59'),
    });
  }
  await scheduleDigestPlan(ctx, addDays(monday, 7));
});

export const digestSendRun = runJob(digestSend, async (ctx, { monday, time }) => {
  const people = await recipients(ctx);
  const orgs = new Map(
    (await ctx.db.organization.findMany({ where: { digestTime: { not: null } }, select: { id: true, digestTime: true } })).map((o) => [
      o.id,
      o,
    ]),
  );
  const due = people.filter((p) => digestTime(p, p.orgId !== null ? orgs.get(p.orgId) : null) === time);
  const sent = await sendDigests(ctx, monday, due);
  ctx.logger.info({ monday, time, people: due.length, sent }, 'weekly digests sent');
});
