// Case conferences: agenda intake before the meeting (open, remind, close and
// compile), joint cases, decisions and follow-ups after; no resident identifiers.
import { defineFeature } from '../context.ts';
import { loadSeries } from '../meetups/service.ts';
import { planAgendas } from './service.ts';
import { catalog } from './catalog.ts';
import { agendaCloseRun, agendaOpenRun, agendaRemindRun, agendaRetentionRun, caseFollowUpRun } from './job-runs.ts';
import { scheduleRetention } from './jobs.ts';

export default defineFeature({
  name: 'agenda',
  catalog,
  jobs: [agendaOpenRun, agendaRemindRun, agendaCloseRun, agendaRetentionRun, caseFollowUpRun],
  start: (ctx) => scheduleRetention(ctx),
  on: {
    'meetups.planned': async (ctx, { seriesId }) => {
      const series = await loadSeries(ctx, seriesId);
      if (series) await planAgendas(ctx, series);
    },
  },
});
