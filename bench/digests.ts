// npm run bench:digests   (BENCH_DATABASE_URL=postgres://…/<empty database> for PostgreSQL)
// Composing every weekly digest of a national-scale directory: 3,500 dong
// offices, 480 welfare centres, 3,500 councils, 30,000 members, 10,000 meetup
// series, a year of polls, agendas and transfers. Prints the time to read the
// week and compose all digests, and the peak memory. Dates are relative to
// today, so the benchmark works on any day. Not a test: it prints figures.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PassThrough } from 'node:stream';
import pino from 'pino';
import { createApp } from '../src/app.ts';
import { addDays, seoulDate, seoulInstant, type Weekday } from '../src/core/calendar/index.ts';
import { TestClock } from '../src/core/clock.ts';
import { migrate } from '../src/db/migrator.ts';
import { weekStart } from '../src/features/digests/rules.ts';
import { compose, isEmpty, loadWeek, recipients } from '../src/features/digests/service.ts';
import { toRRule, type Recurrence } from '../src/features/meetups/recurrence.ts';
import { seededRandom } from './random.ts';

const DONGS = 3500;
const CENTRES = 480;
const MEMBERS = 30000;
const SERIES = 10000;
const POLLS = 3000;
const AGENDA_ITEMS = 20000;
const TRANSFERS = 2000;

const databaseUrl = process.env.BENCH_DATABASE_URL ?? `file:${join(mkdtempSync(join(tmpdir(), 'bench-digests-')), 'bot.db')}`;
await migrate(databaseUrl);
const today = seoulDate(new Date());
const clock = new TestClock(seoulInstant(weekStart(today), '08:00'));
const quiet = () => new PassThrough().resume();
const app = await createApp(
  { databaseUrl, admins: [], locale: 'ko', logLevel: 'silent' },
  { clock, logger: pino({ level: 'silent' }), console: { input: new PassThrough(), output: quiet(), notices: quiet(), interactive: false }, migrate: false },
);
const db = app.db;

const { between } = seededRandom(20261130);
async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>, size = 500) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

const built = performance.now();
// Organisations: dong offices (ids 1..), welfare centres, councils (one per dong).
const now = clock.now();
await inChunks(
  [
    ...Array.from({ length: DONGS }, (_, i) => ({ name: `동${i + 1}행정복지센터`, kind: 'community-centre', dong: `동${i + 1}`, sigungu: `구${(i % 250) + 1}` })),
    ...Array.from({ length: CENTRES }, (_, i) => ({ name: `복지관${i + 1}`, kind: 'welfare-centre', sigungu: `구${(i % 250) + 1}` })),
    ...Array.from({ length: DONGS }, (_, i) => ({ name: `동${i + 1}지역사회보장협의체`, kind: 'council', dong: `동${i + 1}`, sigungu: `구${(i % 250) + 1}` })),
  ],
  (chunk) => db.organization.createMany({ data: chunk }),
);
const dongId = (i: number) => i + 1;
const centreId = (i: number) => DONGS + i + 1;
const councilId = (i: number) => DONGS + CENTRES + i + 1;
await inChunks(
  [
    ...Array.from({ length: DONGS }, (_, i) => ({ kind: 'hub', fromId: centreId(i % CENTRES), toId: dongId(i) })),
    ...Array.from({ length: DONGS }, (_, i) => ({ kind: 'council-of', fromId: councilId(i), toId: dongId(i) })),
  ],
  (chunk) => db.partnership.createMany({ data: chunk }),
);
// Members: a head for every dong office and centre, staff for the rest.
const heads = DONGS + CENTRES;
await inChunks(
  Array.from({ length: MEMBERS }, (_, i) => ({
    name: `직원${i + 1}`,
    orgId: i < DONGS ? dongId(i) : i < heads ? centreId(i - DONGS) : between(1, DONGS + CENTRES),
    position: i < heads ? '기관장' : '주무관',
    createdAt: new Date(now.getTime() - between(0, 400) * 86_400_000),
  })),
  (chunk) => db.member.createMany({ data: chunk }),
);
await inChunks(
  Array.from({ length: MEMBERS }, (_, i) => ({ memberId: i + 1, role: i < heads ? 'head' : 'staff' })),
  (chunk) => db.memberRole.createMany({ data: chunk }),
);
await inChunks(
  Array.from({ length: DONGS }, (_, i) => ({ councilId: councilId(i), memberId: i + 1, seat: 'chair-public', termFrom: seoulInstant(addDays(today, -300)), termTo: seoulInstant(addDays(today, 400)) })),
  (chunk) => db.councilSeat.createMany({ data: chunk }),
);
// Meetup series: weekly or monthly, between a dong office and its hub centre.
const start = addDays(today, -60);
for (let i = 0; i < SERIES; i += 500) {
  const batch = Array.from({ length: Math.min(500, SERIES - i) }, (_, k) => {
    const n = i + k;
    const dong = n % DONGS;
    const weekly = n % 3 === 0;
    const weekday = (n % 5) as Weekday;
    const recurrence: Recurrence = weekly ? { kind: 'weekly', weekday } : { kind: 'monthly-nth', nths: [(n % 4) + 1], weekday };
    return {
      title: `정례모임 ${n + 1}`,
      kind: n % 10 === 0 ? 'case-conference' : 'regular',
      organiserId: centreId(dong % CENTRES),
      startDate: start,
      time: '14:00',
      rrule: toRRule(recurrence, start, '14:00'),
      createdAt: now,
      dong,
    };
  });
  for (const { dong, ...series } of batch) {
    await db.meetupSeries.create({ data: { ...series, participants: { create: [{ orgId: series.organiserId }, { orgId: dongId(dong) }] } } });
  }
}
// Polls of the last year (a tenth still open), agenda items with follow-ups, transfers.
await inChunks(
  Array.from({ length: POLLS }, (_, i) => ({
    question: `안건 ${i + 1}`,
    kind: 'decision',
    options: '["yes","no","abstain"]',
    anonymous: false,
    voters: `council:${councilId(i % DONGS)}`,
    councilId: councilId(i % DONGS),
    deadline: new Date(now.getTime() + (i % 10 === 0 ? 3 : -between(1, 365)) * 86_400_000),
    status: i % 10 === 0 ? 'open' : 'closed',
    createdById: (i % DONGS) + 1,
    createdAt: new Date(now.getTime() - 400 * 86_400_000),
  })),
  (chunk) => db.poll.createMany({ data: chunk }),
);
const openPolls = await db.poll.findMany({ where: { status: 'open' }, select: { id: true, councilId: true } });
await inChunks(openPolls.map((p) => ({ pollId: p.id, memberId: (p.councilId! - DONGS - CENTRES) })), (chunk) => db.pollEligible.createMany({ data: chunk }));
const series = await db.meetupSeries.findMany({ select: { id: true }, take: 1000 });
await inChunks(
  Array.from({ length: 1000 }, (_, i) => ({ seriesId: series[i % series.length].id, original: addDays(today, -between(1, 365)), opensAt: now, closesAt: now, status: 'closed', createdAt: now })),
  (chunk) => db.agenda.createMany({ data: chunk }),
);
await inChunks(
  Array.from({ length: AGENDA_ITEMS }, (_, i) => ({
    agendaId: (i % 1000) + 1,
    caseCode: `2026-동${i % DONGS}-${i}`,
    stage: 'intervention',
    type: 'general',
    risk: '중',
    needs: 'housing',
    orgId: dongId(i % DONGS),
    leadOrgId: dongId(i % DONGS),
    decision: 'selected',
    nextCheck: addDays(today, between(-30, 30)),
    followUpDoneAt: i % 2 === 0 ? now : null,
    createdAt: now,
    updatedAt: now,
  })),
  (chunk) => db.agendaItem.createMany({ data: chunk }),
);
await inChunks(
  Array.from({ length: TRANSFERS }, (_, i) => ({
    memberId: heads + i + 1,
    fromOrgId: dongId(i % DONGS),
    toOrgId: dongId((i + 7) % DONGS),
    effective: addDays(today, between(-180, 180)),
    status: 'planned',
    createdAt: now,
  })),
  (chunk) => db.transfer.createMany({ data: chunk }),
);
const buildMs = performance.now() - built;

let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const t0 = performance.now();
const people = await recipients(app.context());
const week = await loadWeek(app.context(), weekStart(today));
const t1 = performance.now();
let composed = 0;
let empty = 0;
for (const person of people) {
  if (isEmpty(compose(week, person))) empty++;
  composed++;
}
const t2 = performance.now();
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);

console.log(`directory: ${DONGS} dong offices, ${CENTRES} centres, ${DONGS} councils, ${MEMBERS} members, ${SERIES} series, ${POLLS} polls, ${AGENDA_ITEMS} agenda items, ${TRANSFERS} transfers (built in ${(buildMs / 1000).toFixed(1)} s)`);
console.log(`database: ${databaseUrl.startsWith('file:') ? 'SQLite' : 'PostgreSQL'}`);
console.log(`read the week (recipients + loadWeek): ${(t1 - t0).toFixed(0)} ms`);
console.log(`compose ${composed} digests (${composed - empty} with content): ${(t2 - t1).toFixed(0)} ms (${((t2 - t1) / composed).toFixed(2)} ms each)`);
console.log(`total: ${((t2 - t0) / 1000).toFixed(2)} s · peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB`);
await app.stop();
