// Staff transfers (인사발령): successor introductions to every partner of the
// post, the directory change on the effective date, and the handover checklist.
import { defineFeature } from '../context.ts';
import { catalog } from './catalog.ts';
import { transferAnnounceRun, transferApplyRun, transferFollowUpRun, transferReshuffleRun, transferSuccessorCheckRun } from './job-runs.ts';
import { scheduleReshuffle } from './jobs.ts';

export default defineFeature({
  name: 'transfers',
  catalog,
  jobs: [transferAnnounceRun, transferSuccessorCheckRun, transferApplyRun, transferFollowUpRun, transferReshuffleRun],
  start: (ctx) => scheduleReshuffle(ctx),
});
