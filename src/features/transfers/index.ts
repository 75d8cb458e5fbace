// Staff transfers (인사발령): successor introductions to every partner of the
// post, the directory change on the effective date, and the handover checklist.
import { defineFeature } from '../context.ts';
import { catalog } from './catalog.ts';
import transfer from './commands/transfer.ts';
import { scheduleReshuffle, transferAnnounce, transferApply, transferFollowUp, transferReshuffle, transferSuccessorCheck } from './jobs.ts';

export default defineFeature({
  name: 'transfers',
  catalog,
  commands: [transfer],
  jobs: [transferAnnounce, transferSuccessorCheck, transferApply, transferFollowUp, transferReshuffle],
  start: (ctx) => scheduleReshuffle(ctx),
});
