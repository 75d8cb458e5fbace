// One bot replica for test/replicas/replicas.test.ts: the real app (all
// features, Slack over HTTP, Discord gateway + REST, outbox senders,
// scheduler) on a shared PostgreSQL database, on the system clock, with short
// leases so a killed replica's work is taken over within seconds. Two job
// kinds stand in for meetup reminders and announcements: each delivers one
// message through the outbox with the job key, as every feature's jobs do.
import pino from 'pino';
import { z } from 'zod';
import { createApp } from '../../src/app.ts';
import { systemClock } from '../../src/core/clock.ts';
import type { Config } from '../../src/config.ts';
import { defineJob, runJob, type Feature } from '../../src/features/context.ts';
import { FEATURES } from '../../src/features/index.ts';

const config = JSON.parse(process.env.CHILD_CONFIG ?? '{}') as Config;
const name = process.env.REPLICA_NAME ?? 'replica';

const payload = z.object({ n: z.number() });
const replicaJobs = {
  name: 'replica-test',
  jobs: [
    runJob(defineJob({ kind: 'replica-reminder', payload }), async (ctx, { n }, job) => {
      await ctx.deliver.deliver({ kind: 'channel', platform: 'slack', channelId: 'CREMIND' }, { title: `reminder ${n}`, lines: [job.key] }, job.key);
    }),
    runJob(defineJob({ kind: 'replica-announcement', payload }), async (ctx, { n }, job) => {
      await ctx.deliver.deliver({ kind: 'channel', platform: 'discord', channelId: '3000000000000000099' }, { title: `announcement ${n}`, lines: [job.key] }, job.key);
    }),
  ],
} as unknown as Feature;

const logger = pino({ level: 'info', base: { replica: name } });
const app = await createApp(config, {
  clock: systemClock,
  logger,
  migrate: false,
  features: [...FEATURES, replicaJobs],
  scheduler: { cron: '* * * * * *', runningTimeoutMs: 3000 },
  sender: { pollMs: 100, sendingLeaseMs: 4000 },
  tuning: { discord: { rest: { retries: 0, timeout: 3000 }, gatewayRetryMs: 500 } },
});
await app.start();
process.stdout.write(`${JSON.stringify({ started: name })}\n`);
