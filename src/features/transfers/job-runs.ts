// The runs of the transfer jobs (kinds in jobs.ts). Every delivery key derives
// from the job key, so a rerun after a crash sends nothing twice.
import { addDays } from '../../core/calendar/index.ts';
import { runJob } from '../context.ts';
import { scheduleReshuffle, transferAnnounce, transferApply, transferFollowUp, transferReshuffle, transferSuccessorCheck } from './jobs.ts';
import { applyTransfer, runAnnouncement, runFollowUp, runReshuffleQuestion, runSuccessorCheck } from './service.ts';

export const transferAnnounceRun = runJob(transferAnnounce, (ctx, { transferId }, job) => runAnnouncement(ctx, transferId, job.key));

export const transferSuccessorCheckRun = runJob(transferSuccessorCheck, (ctx, { transferId }, job) =>
  runSuccessorCheck(ctx, transferId, job.key),
);

export const transferApplyRun = runJob(transferApply, async (ctx, { transferId }) => {
  await applyTransfer(ctx, transferId);
});

export const transferFollowUpRun = runJob(transferFollowUp, (ctx, { transferId, days }, job) =>
  runFollowUp(ctx, transferId, days, job.key),
);

export const transferReshuffleRun = runJob(transferReshuffle, async (ctx, { effective }, job) => {
  await runReshuffleQuestion(ctx, effective, job.key);
  // The next one: the day after this one's question.
  await scheduleReshuffle(ctx, addDays(effective, -13));
});
