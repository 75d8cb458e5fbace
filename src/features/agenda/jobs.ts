// Agenda job kinds: open, remind, close, daily retention and case follow-ups.
// Their runs are in job-runs.ts.
import { seoulDate, seoulInstant } from '../../core/calendar/index.ts';
import { defineJob, z, type FeatureContext } from '../context.ts';

const agendaPayload = z.object({ agendaId: z.number().int() });

export const agendaOpen = defineJob({ kind: 'agenda.open', payload: agendaPayload });

export const agendaRemind = defineJob({ kind: 'agenda.remind', payload: agendaPayload });

export const agendaClose = defineJob({ kind: 'agenda.close', payload: agendaPayload });

/** Daily: summaries, resources and questions older than the retention time are deleted (agendas themselves are planned with their meetups). */
export const agendaRetention = defineJob({ kind: 'agenda.retention', payload: z.object({ day: z.string() }) });

export const caseFollowUp = defineJob({ kind: 'case.followup', payload: z.object({ itemId: z.number().int(), overdue: z.boolean() }) });

export async function scheduleRetention(ctx: FeatureContext, day = seoulDate(ctx.clock.now())): Promise<void> {
  await agendaRetention.schedule(ctx.scheduler, {
    key: `agenda-retention:${day}`,
    payload: { day },
    dueAt: seoulInstant(day, '04:30'),
    lateUntil: seoulInstant(day, '23:59'),
  });
}
