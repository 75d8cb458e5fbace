// Agenda jobs: open (the participating agencies are told), remind (DMs to the
// members of agencies that sent nothing, at ~80% of the window), close
// (compile and post), daily retention,
// and case follow-ups (the lead agency on the date, the chair when overdue).
import { addDays, seoulDate } from '../../core/calendar/index.ts';
import { runJob, type FeatureContext } from '../context.ts';
import { followUpCard } from './cards.ts';
import { agendaClose, agendaOpen, agendaRemind, agendaRetention, caseFollowUp, scheduleRetention } from './jobs.ts';
import { findItem, postCompiled, purgeOld } from './service.ts';

async function liveAgenda(ctx: FeatureContext, agendaId: number) {
  const agenda = await ctx.db.agenda.findUnique({
    where: { id: agendaId },
    include: { series: { include: { participants: { include: { org: true } } } } },
  });
  if (agenda?.series.status !== 'active') return undefined;
  return agenda;
}

export const agendaOpenRun = runJob(agendaOpen, async (ctx, { agendaId }, job) => {
  const agenda = await liveAgenda(ctx, agendaId);
  if (agenda?.status !== 'planned') return;
  await ctx.db.agenda.update({ where: { id: agendaId }, data: { status: 'open' } });
  for (const p of agenda.series.participants) {
    await ctx.deliver.deliver(
      { kind: 'org', id: p.orgId },
      (t) => ({
        title: t('agenda.openTitle', { title: agenda.series.title, date: agenda.original }),
        lines: [
          t('agenda.openBody', {
            id: agenda.seriesId,
            date: agenda.original,
            closes: `${seoulDate(agenda.closesAt)} ${agenda.series.agendaCloses}`,
          }),
        ],
      }),
      job.key,
    );
  }
});

export const agendaRemindRun = runJob(agendaRemind, async (ctx, { agendaId }, job) => {
  const agenda = await liveAgenda(ctx, agendaId);
  if (!agenda || agenda.status === 'closed' || ctx.clock.now() >= agenda.closesAt) return;
  const items = await ctx.db.agendaItem.findMany({ where: { agendaId, status: { not: 'withdrawn' } }, include: { agencies: true } });
  const submitted = new Set(items.flatMap((i) => [i.orgId, ...i.agencies.map((a) => a.orgId)]));
  // No @-tags in channels: one DM to each active member of an agency that sent nothing.
  for (const p of agenda.series.participants) {
    if (submitted.has(p.orgId)) continue;
    const people = await ctx.db.member.findMany({ where: { orgId: p.orgId, status: 'active' }, select: { id: true }, take: 200 });
    for (const person of people) {
      await ctx.deliver.deliver(
        { kind: 'member', id: person.id },
        (t) => ({
          lines: [
            t('agenda.remind', {
              title: agenda.series.title,
              date: agenda.original,
              org: p.org.name,
              id: agenda.seriesId,
              closes: `${seoulDate(agenda.closesAt)} ${agenda.series.agendaCloses}`,
            }),
          ],
        }),
        `${job.key}:m${person.id}`,
      );
    }
  }
});

export const agendaCloseRun = runJob(agendaClose, async (ctx, { agendaId }, job) => {
  const agenda = await liveAgenda(ctx, agendaId);
  if (!agenda) return;
  if (agenda.status !== 'closed')
    await ctx.db.agenda.update({ where: { id: agendaId }, data: { status: 'closed', compiledAt: ctx.clock.now() } });
  await postCompiled(ctx, agendaId, job.key);
});

export const agendaRetentionRun = runJob(agendaRetention, async (ctx, _payload, job) => {
  const purged = await purgeOld(ctx);
  ctx.logger.info({ job: job.key, purged }, 'agenda retention');
  await scheduleRetention(ctx, addDays(seoulDate(ctx.clock.now()), 1));
});

export const caseFollowUpRun = runJob(caseFollowUp, async (ctx, { itemId, overdue }, job) => {
  const item = await findItem(ctx, itemId).catch(() => undefined);
  if (!item || item.followUpDoneAt || !item.nextCheck) return;
  const card = (t: Parameters<typeof followUpCard>[0]) => followUpCard(t, item, overdue);
  if (!overdue && item.leadOrgId) {
    await ctx.deliver.deliver({ kind: 'org', id: item.leadOrgId }, card, `${job.key}:lead`);
    await ctx.deliver.deliver({ kind: 'role', role: 'head', orgId: item.leadOrgId }, card, `${job.key}:heads`);
  }
  if (overdue) await ctx.deliver.deliver({ kind: 'role', role: 'head', orgId: item.agenda.series.organiserId }, card, `${job.key}:chair`);
});
