// Regular meetups: series with recurrence and Korean holidays, RSVP,
// reminders to the participants' channels, nudges by DM, the monthly list.
import { defineFeature } from '../context.ts';
import { catalog } from './catalog.ts';
import { meetupMonthRun, meetupNudgeRun, meetupPlanRun, meetupReminderRun } from './job-runs.ts';
import { ensureMeetupJobs, replanSoon } from './jobs.ts';

export default defineFeature({
  name: 'meetups',
  catalog,
  jobs: [meetupReminderRun, meetupNudgeRun, meetupPlanRun, meetupMonthRun],
  start: ensureMeetupJobs,
  on: { 'closures.changed': (ctx, { date }) => replanSoon(ctx, `closure-${date}`) },
});
