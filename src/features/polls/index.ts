// Council polls: secret or named ballots, quorum rules, deadlines, reminders.
import { defineFeature } from '../context.ts';
import { ballotKey } from './ballot-key.ts';
import { catalog } from './catalog.ts';
import { pollCloseRun, pollRemindRun } from './job-runs.ts';
import { sealLegacyBallots } from './service.ts';

export default defineFeature({
  name: 'polls',
  catalog,
  jobs: [pollCloseRun, pollRemindRun],
  // The ballot key is found (or its file created, with a warning) at start, not at the first secret vote.
  start: async (ctx) => {
    await ballotKey(ctx);
    const sealed = await sealLegacyBallots(ctx);
    if (sealed) ctx.logger.info({ polls: sealed }, 'sealed the ballots of open secret polls stored before sealing');
  },
});
