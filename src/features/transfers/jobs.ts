// Transfer job kinds, all in the group `transfer:<id>` (re-planned on every
// edit, dropped on cancel): the announcement, the successor check three
// working days before, the directory change on the effective date, handover
// follow-ups on D+3, D+7 and D+14; and the question before each regular
// reshuffle. Their runs are in job-runs.ts.
import { seoulDate, seoulInstant } from '../../core/calendar/index.ts';
import { isWorkingDay, nextWorkingDay } from '../../core/calendar/holidays.ts';
import { defineJob, z, type FeatureContext } from '../context.ts';
import { closuresBetween } from '../holidays/service.ts';
import { nextReshuffle } from './rules.ts';

const transferPayload = z.object({ transferId: z.number().int() });

export const transferAnnounce = defineJob({ kind: 'transfer.announce', payload: transferPayload });

export const transferSuccessorCheck = defineJob({ kind: 'transfer.successor', payload: transferPayload });

export const transferApply = defineJob({ kind: 'transfer.apply', payload: transferPayload });

export const transferFollowUp = defineJob({
  kind: 'transfer.followup',
  payload: z.object({ transferId: z.number().int(), days: z.number().int() }),
});

export const transferReshuffle = defineJob({
  kind: 'transfer.reshuffle',
  payload: z.object({ effective: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
});

/** The next reshuffle question (09:00 on a working day about two weeks before 1 January or 1 July); at start and after each. */
export async function scheduleReshuffle(ctx: FeatureContext, from = seoulDate(ctx.clock.now())): Promise<void> {
  const { effective, ask } = nextReshuffle(from);
  const closures = await closuresBetween(ctx, ask, effective);
  const day = isWorkingDay(ask, closures) ? ask : nextWorkingDay(ask, closures);
  await transferReshuffle.schedule(ctx.scheduler, {
    key: `transfer-reshuffle:${effective}`,
    payload: { effective },
    dueAt: seoulInstant(day, '09:00'),
    lateUntil: seoulInstant(effective),
  });
}
