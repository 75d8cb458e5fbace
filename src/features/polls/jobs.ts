// Poll jobs: close at the deadline (result posted where the poll was posted
// and DMed to the council's chairs, once), and DM reminders to eligible
// members who have not voted (1 day and 2 hours before). Delivery keys derive
// from the poll, so a job run again after a crash sends nothing twice.
import type { Clock } from '../../core/clock.ts';
import type { Deliverer } from '../../core/deliver.ts';
import { translator, type Locale } from '../../core/i18n/index.ts';
import { formatSeoulDateTime, seoulToday } from '../../core/time.ts';
import type { Db } from '../../db/client.ts';
import type { Scheduler } from '../../scheduler/scheduler.ts';
import { pollCard, resultCard } from './cards.ts';
import { announceResult, closePoll, findPoll, nonVoters, participation } from './service.ts';

export function registerPollJobs(deps: { db: Db; clock: Clock; deliver: Deliverer; scheduler: Scheduler; locale: Locale }): void {
  const { db, clock, deliver, scheduler } = deps;
  const t = translator(deps.locale);
  const system = { name: 'scheduler', platform: 'console' as const };

  scheduler.register('poll.close', async (job) => {
    const { pollId } = job.payload as { pollId: number };
    const { poll, result } = await closePoll({ db, clock, scheduler }, pollId, system);
    // Announce also when an earlier run closed it but crashed before announcing (keys dedupe).
    if (result) await announceResult(deliver, db, poll, resultCard(t, poll, result, true), seoulToday(clock.now()));
  });

  scheduler.register('poll.remind', async (job) => {
    const { pollId } = job.payload as { pollId: number };
    const poll = await findPoll(db, pollId);
    if (poll.status !== 'open' || poll.deadline <= clock.now()) return;
    const card = pollCard(t, poll, await participation(db, pollId));
    for (const memberId of await nonVoters(db, pollId)) {
      await deliver.deliver(
        { kind: 'member', id: memberId },
        { ...card, lines: [t('poll.reminder', { deadline: formatSeoulDateTime(poll.deadline) }), ...(card.lines ?? [])] },
        `${job.key}:m${memberId}`,
      );
    }
  });
}
