// npm run bench:meetups                      (SQLite, a temporary file)
// BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:meetups
//   (PostgreSQL: a temporary database on that server, dropped at the end)
// BENCH_SERIES=10000 npm run bench:meetups    (more series; default 1,000)
// The calendar is today's: the clock starts today at 10:00 in Seoul and every
// date of the mix is placed relative to it, so the figures hold on any day.
// Cost of meetups at a realistic size: 50 organisations, 200 members and
// 1,000 series created through the real command path (/meetup create), with
// their reminder jobs in the scheduler. Measures a scheduler tick with a batch
// of reminders due and one with nothing due, /meetup list for one organisation
// (30 and 90 days) and for an admin without organisation (all series), and the
// daily planning job. A TestClock keeps the figures reproducible. Not a test:
// it prints figures.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PassThrough } from 'node:stream';
import pino from 'pino';
import { createApp } from '../src/app.ts';
import { TestClock } from '../src/core/clock.ts';
import type { Invocation } from '../src/core/command.ts';
import { addDays, daysBetween, seoulDate, seoulInstant } from '../src/core/calendar/index.ts';
import { dialectOf, pgConfig } from '../src/db/adapter.ts';
import { migrate } from '../src/db/migrator.ts';
import pg from 'pg';
import { MEETUP_KINDS } from '../src/features/meetups/rules.ts';
import { meetupPlan } from '../src/features/meetups/jobs.ts';
import { seededRandom } from './random.ts';

const ORGS = 50;
const MEMBERS = 200;
const SERIES = Number(process.env.BENCH_SERIES ?? 1000);
const LIST_N = Number(process.env.BENCH_N ?? 50);
const LIST_WARMUP = 10;
const ALL_N = Number(process.env.BENCH_ALL_N ?? 20);
const ALL_WARMUP = 5;
const IDLE_TICKS = 20;
// The mix below was written for 2026-11-25; it is moved to today.
const BASE_DAY = '2026-11-25';
const TODAY = seoulDate(new Date());
const at = (day: string) => addDays(day, daysBetween(BASE_DAY, TODAY));
const START = seoulInstant(TODAY, '10:00').toISOString();
const BUSY = seoulInstant(addDays(TODAY, 1), '09:00').toISOString(); // 09:00 in Seoul the next day

const target = process.env.BENCH_DATABASE_URL;
let databaseUrl: string;
let dropDatabase = async () => {};
if (target && dialectOf(target) === 'postgres') {
  const name = `bench_meetups_${process.pid}`;
  const { schema: _s, max: _m, idleTimeoutMillis: _i, ...config } = pgConfig(target);
  const admin = new pg.Client(config);
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(target);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  dropDatabase = async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  };
} else {
  const dir = mkdtempSync(join(tmpdir(), 'bench-meetups-'));
  databaseUrl = `file:${join(dir, 'bot.db')}`;
}
const DIALECT = dialectOf(databaseUrl) === 'postgres' ? 'PostgreSQL' : 'SQLite';
await migrate(databaseUrl);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}
async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

const { random, between, pick } = seededRandom(20261125);

const clock = new TestClock(START);
const quiet = () => new PassThrough().resume();
const app = await createApp(
  { databaseUrl, admins: [], locale: 'ko', logLevel: 'silent' },
  {
    clock,
    logger: pino({ level: 'silent' }),
    // Console only; the adapter and the senders are not started, so queued
    // outbox rows stay queued and no background tick runs.
    console: { input: new PassThrough(), output: quiet(), notices: quiet(), interactive: false },
    migrate: false,
  },
);
const admin: Invocation = { platform: 'console', platformUserId: 'admin', displayName: 'admin', channelId: 'console' };

async function run(text: string, invocation: Invocation = admin) {
  const reply = await app.bot.handleText(text, invocation);
  if (reply.card.tone === 'error') throw new Error(`${text}\n-> ${(reply.card.lines ?? []).join(' ')}`);
  return reply;
}

// ---------- setup ----------
const setupStart = performance.now();
const orgKinds = ['사회복지관', '행정복지센터', '보장협의체', '기타'];
for (let i = 1; i <= ORGS; i++) {
  await run(`/org add ${orgKinds[i % orgKinds.length]} 벤치기관${String(i).padStart(2, '0')} dong=모라${i}동`);
  // Each organisation posts to its own console channel, so reminders queue outbox rows.
  await run(`/channel bind ${i}`, { ...admin, channelId: `org-${i}` });
}
for (let i = 1; i <= MEMBERS; i++) {
  const name = `회원${String(i).padStart(3, '0')}`;
  await run(`/member add ${name} org=${((i - 1) % ORGS) + 1} role=staff`);
  // First contact on the console links the member, so nudges have a DM to queue.
  await run('/help', { platform: 'console', platformUserId: name, displayName: name, channelId: 'console' });
}

const times = ['09:30', '10:00', '10:00', '11:00', '14:00', '14:00', '15:00', '16:00'];
const weekdays = ['월', '화', '수', '목', '금'];
const nths = ['1', '2', '3', '4', 'last'];
const mix = { weekly: 0, 'monthly-nth': 0, 'monthly-day': 0, yearly: 0, once: 0 };
const createMs: number[] = [];
for (let i = 1; i <= SERIES; i++) {
  const r = random();
  let repeat: string;
  let start: string;
  if (r < 0.35) {
    repeat = `weekly:${pick(weekdays)}`;
    start = addDays(at('2026-09-01'), between(0, 100));
    mix.weekly++;
  } else if (r < 0.6) {
    repeat = `monthly:${pick(nths)}:${pick(weekdays)}`;
    start = addDays(at('2026-06-01'), between(0, 170));
    mix['monthly-nth']++;
  } else if (r < 0.8) {
    repeat = `monthly-day:${between(1, 28)}`;
    start = addDays(at('2026-06-01'), between(0, 170));
    mix['monthly-day']++;
  } else if (r < 0.9) {
    let on = addDays(at('2026-11-01'), between(0, 120));
    // 2월 29일 only in leap years: keep the mix to dates every year has.
    if (on.endsWith('-02-29')) on = addDays(on, 1);
    repeat = `yearly:${on.slice(5)}`;
    start = on < TODAY ? on : `${Number(on.slice(0, 4)) - 1}${on.slice(4)}`;
    mix.yearly++;
  } else {
    repeat = 'once';
    start = addDays(TODAY, between(1, 50)); // today's slot may be before the 10:00 clock
    mix.once++;
  }
  const organiser = between(1, ORGS);
  const others = new Set<number>();
  const wanted = between(1, 2);
  while (others.size < wanted) {
    const o = between(1, ORGS);
    if (o !== organiser) others.add(o);
  }
  // An end date only where a date before it always remains (a yearly series may have none left before it).
  const until = random() < 0.1 && (repeat.startsWith('weekly') || repeat.startsWith('monthly')) ? ` until=${at('2027-06-30')}` : '';
  const text =
    `/meetup create title="벤치 모임 ${i}" kind=${pick(MEETUP_KINDS)} org=${organiser} with=${[...others].join(',')} ` +
    `repeat=${repeat} start=${start} time=${pick(times)} place="모라${between(1, 9)}동 회의실"${until}`;
  createMs.push((await timed(() => run(text))).ms);
}
const setupMs = performance.now() - setupStart;

const countJobs = async () => {
  const rows = await app.db.job.groupBy({ by: ['kind', 'status'], _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [`${r.kind}/${r.status}`, r._count._all]));
};
const pendingAfterSetup = await app.db.job.count({ where: { status: 'pending' } });
const dueAfterSetup = await app.db.job.count({ where: { status: 'pending', dueAt: { lte: clock.now() } } });
const jobsAfterSetup = await countJobs();
const outboxCount = () => app.db.outboxMessage.count();

// ---------- scheduler ticks ----------
// Reminders whose lead had already passed when their series was created are
// due at once (in production the next 30-s tick sends them): drain them first.
const outbox0 = await outboxCount();
const backlog = await timed(() => app.scheduler.tick());
const outbox1 = await outboxCount();

// 23 hours later: a day's worth of 7d/1d/1h reminders and nudges is due.
clock.set(BUSY);
const dueAtBusy = await app.db.job.count({ where: { status: 'pending', dueAt: { lte: clock.now() } } });
const busy = await timed(() => app.scheduler.tick());
const outbox2 = await outboxCount();

const idleMs: number[] = [];
for (let i = 0; i < IDLE_TICKS; i++) {
  const { ms, value } = await timed(() => app.scheduler.tick());
  if (value.ran || value.missed || value.failed) throw new Error(`idle tick did work: ${JSON.stringify(value)}`);
  idleMs.push(ms);
}

// ---------- /meetup list ----------
const today = seoulDate(clock.now());
const participation = await app.db.meetupParticipant.groupBy({ by: ['orgId'], _count: { _all: true } });
participation.sort((a, b) => a._count._all - b._count._all);
const median = participation[Math.floor(participation.length / 2)];
const busiest = participation[participation.length - 1];

const countOf = (title: string | undefined) => Number(/\((\d+)건\)/.exec(title ?? '')?.[1] ?? 0);
async function measureList(text: string, n: number, warmup: number) {
  let count = 0;
  for (let i = 0; i < warmup; i++) count = countOf((await run(text)).card.title);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) samples.push((await timed(() => run(text))).ms);
  return { ...summary(samples), count };
}
const listCases = [
  { name: `/meetup list org (median: #${median.orgId}, ${median._count._all} series), 30 d`, text: `/meetup list org=${median.orgId}` },
  { name: `/meetup list org (median: #${median.orgId}), 90 d`, text: `/meetup list org=${median.orgId} to=${addDays(today, 90)}` },
  { name: `/meetup list org (busiest: #${busiest.orgId}, ${busiest._count._all} series), 30 d`, text: `/meetup list org=${busiest.orgId}` },
  { name: `/meetup list org (busiest: #${busiest.orgId}), 90 d`, text: `/meetup list org=${busiest.orgId} to=${addDays(today, 90)}` },
];
const listResults = [];
for (const c of listCases) listResults.push({ ...c, n: LIST_N, ...(await measureList(c.text, LIST_N, LIST_WARMUP)) });
// The console admin has no organisation: /meetup list shows every series.
listResults.push({
  name: '/meetup list, admin without organisation (all series), 30 d',
  text: '/meetup list',
  n: ALL_N,
  ...(await measureList('/meetup list', ALL_N, ALL_WARMUP)),
});

// ---------- the daily planning job ----------
// First run (nothing planned by a daily run before): every series.
const jobsBeforePlan = await app.db.job.count();
const planDay = seoulDate(clock.now());
const plan = await timed(async () => {
  await meetupPlan.schedule(app.scheduler, { key: `meetup-plan:${planDay}`, payload: { day: planDay }, dueAt: clock.now() });
  return app.scheduler.tick();
});
const jobsAfterPlan = await app.db.job.count();
const activeSeries = await app.db.meetupSeries.count({ where: { status: 'active' } });
// BENCH_PLAN_SERIES=10000: after the first run, copies of the series (rows
// only, without jobs) bring the table to that many for the next day's run;
// a copy the horizon reaches is planned in full there (more work than a real
// series, which has its jobs already), so the figure is an upper bound.
const PLAN_SERIES = Number(process.env.BENCH_PLAN_SERIES ?? SERIES);
if (PLAN_SERIES > SERIES) {
  const originals = await app.db.meetupSeries.findMany({ include: { participants: true } });
  for (let made = originals.length; made < PLAN_SERIES; ) {
    for (const { id: _id, participants, ...row } of originals) {
      if (made >= PLAN_SERIES) break;
      const copy = await app.db.meetupSeries.create({ data: { ...row, title: `${row.title} (${made})` } });
      await app.db.meetupParticipant.createMany({ data: participants.map((p) => ({ seriesId: copy.id, orgId: p.orgId })) });
      made++;
    }
  }
}
// The next day's run (it scheduled itself for 05:00): only the series the moved horizon reaches.
const nextDay = addDays(planDay, 1);
// Reminders due before it run first, so the tick at 05:00 measures the planning.
clock.set(new Date(seoulInstant(nextDay, '05:00').getTime() - 60_000).toISOString());
await app.scheduler.tick();
clock.set(seoulInstant(nextDay, '05:00').toISOString());
const groupsBefore = new Map((await app.db.job.groupBy({ by: ['group'], _max: { id: true } })).map((g) => [g.group, g._max.id]));
const daily = await timed(() => app.scheduler.tick());
const touched = (await app.db.job.groupBy({ by: ['group'], _max: { id: true } })).filter((g) => g.group?.startsWith('meetup:') && g._max.id !== groupsBefore.get(g.group)).length;
const dailyDone = await app.db.job.findUnique({ where: { key: `meetup-plan:${nextDay}` }, select: { status: true } });
if (dailyDone?.status !== 'done') throw new Error(`the daily planning run did not complete: ${JSON.stringify(dailyDone)}`);

const rssMb = process.memoryUsage().rss / 1024 / 1024;
await app.stop();

// ---------- report ----------
const fmt = (ms: number) => ms.toFixed(1);
const perJob = (ms: number, ran: number) => (ran ? `${(ms / ran).toFixed(1)} ms per job` : '—');
const create = summary(createMs);
const rows: string[] = [
  `| setup: ${ORGS} orgs, ${MEMBERS} members, ${SERIES} series (all through app.bot.handleText) | 1 | ${fmt(setupMs)} | — | ${pendingAfterSetup} jobs pending, ${dueAfterSetup} of them already due |`,
  `| /meetup create (each) | ${SERIES} | ${fmt(create.p50)} | ${fmt(create.p99)} | mix ${Object.entries(mix).map(([k, v]) => `${k} ${v}`).join(', ')} |`,
  `| tick right after setup (${START}), overdue leads | 1 | ${fmt(backlog.ms)} | — | ran ${backlog.value.ran}, missed ${backlog.value.missed}, failed ${backlog.value.failed}; ${outbox1 - outbox0} outbox rows; ${perJob(backlog.ms, backlog.value.ran)} |`,
  `| tick at ${BUSY} (23 h of reminders due) | 1 | ${fmt(busy.ms)} | — | ${dueAtBusy} due: ran ${busy.value.ran}, missed ${busy.value.missed}, failed ${busy.value.failed}; ${outbox2 - outbox1} outbox rows; ${perJob(busy.ms, busy.value.ran)} |`,
  `| tick, nothing due | ${IDLE_TICKS} | ${fmt(summary(idleMs).p50)} | ${fmt(summary(idleMs).p99)} | ${jobsBeforePlan} Job rows in the table |`,
  ...listResults.map((r) => `| ${r.name} | ${r.n} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${r.count} occurrences |`),
  `| meetup.plan, first run: every series (schedule + tick) | 1 | ${fmt(plan.ms)} | — | ${activeSeries} series re-planned (${(plan.ms / activeSeries).toFixed(2)} ms per series); ran ${plan.value.ran}, failed ${plan.value.failed}; Job rows ${jobsBeforePlan} → ${jobsAfterPlan} |`,
  `| meetup.plan, the next day's run (tick at 05:00) | 1 | ${fmt(daily.ms)} | — | ${await app.db.meetupSeries.count({ where: { status: 'active' } })} series looked at, those the horizon reached re-planned (${touched} got new jobs); ran ${daily.value.ran} |`,
];

console.log(`meetup benchmark (Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, clock ${START}, ${DIALECT})`);
console.log(`/meetup list: n measured after ${LIST_WARMUP} warm-ups (${ALL_WARMUP} for all series); times in ms`);
console.log('| what | n | p50 | p99 | result |');
console.log('|---|---|---|---|---|');
for (const row of rows) console.log(row);
console.log(`\njobs after setup: ${JSON.stringify(jobsAfterSetup)}`);
console.log(`process RSS at the end: ${rssMb.toFixed(1)} MB`);
await dropDatabase();
process.exit(0);
