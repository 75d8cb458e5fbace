// Poll jobs: close at the deadline (result posted where the poll was posted
// and DMed to the council's chairs, once), and DM reminders to eligible
// members who have not voted (1 day and 2 hours before). Delivery keys derive
// from the job key, so a job run again after a crash sends nothing twice.
import { formatSeoulDateTime } from '../../core/calendar/index.ts';
import { runJob } from '../context.ts';
import { pollCard } from './cards.ts';
import { pollClose, pollRemind } from './jobs.ts';
import { announceResult, closePoll, findPoll, nonVoters, participation } from './service.ts';

export const pollCloseRun = runJob(pollClose, async (ctx, { pollId }) => {
  const { poll, result } = await closePoll(ctx, pollId);
  // Announce also when an earlier run closed it but crashed before announcing (keys dedupe).
  if (result) await announceResult(ctx, poll, result);
});

export const pollRemindRun = runJob(pollRemind, async (ctx, { pollId }, job) => {
  const poll = await findPoll(ctx, pollId);
  if (poll.status !== 'open' || poll.deadline <= ctx.clock.now()) return;
  const turnout = await participation(ctx, pollId);
  for (const memberId of await nonVoters(ctx, pollId)) {
    await ctx.deliver.deliver(
      { kind: 'member', id: memberId },
      (t) => {
        const card = pollCard(t, poll, turnout);
        return { ...card, lines: [t('poll.reminder', { deadline: formatSeoulDateTime(poll.deadline) }), ...(card.lines ?? [])] };
      },
      `${job.key}:m${memberId}`,
    );
  }
});
