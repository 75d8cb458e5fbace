// A bot process for the crash tests (crash-mid-send.test.ts): it starts like
// `npm start` does (createApp + start: adapters, outbox senders, scheduler) on
// the database and fakes the test names, and the test kills it with SIGKILL
// while a message is on the wire.
import pino from 'pino';
import { createApp } from '../../src/app.ts';
import { TestClock } from '../../src/core/clock.ts';
import type { Config } from '../../src/config.ts';

const config = JSON.parse(process.env.CHILD_CONFIG ?? '{}') as Config;
const app = await createApp(config, {
  clock: new TestClock(new Date().toISOString()),
  logger: pino({ level: 'silent' }),
  migrate: false,
  tuning: { discord: { rest: { retries: 0, timeout: 60_000 } } },
});
await app.start();
process.stdout.write('started\n');
