// Weekly digests for heads of dong offices, welfare-centre directors and
// coordinators: by DM and by e-mail, Monday 08:30 (the next working day when
// Monday is a holiday), once per person per week.
import { defineFeature } from '../context.ts';
import { catalog } from './catalog.ts';
import { digestPlanRun, digestSendRun } from './job-runs.ts';
import { scheduleDigestPlan } from './jobs.ts';

export default defineFeature({
  name: 'digests',
  catalog,
  jobs: [digestPlanRun, digestSendRun],
  start: (ctx) => scheduleDigestPlan(ctx),
});
