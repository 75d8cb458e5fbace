// Regular meetups through the console: series, holidays, RSVP, edits, the
// reminder jobs they plan, and the .ics export read back by a real parser.
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rowCounts } from '../../support/db-snapshot.ts';
import { createHarness, type Harness } from '../../support/harness.ts';
import { meetupMonth } from '../../../src/features/meetups/jobs.ts';

let h: Harness;
beforeEach(async () => {
  h = await createHarness(); // clock: 2026-11-25 10:00 KST
  await h.run(
    '/org add 사회복지관 행복종합사회복지관 dong=모라3동',
    '/org add 행정복지센터 모라3동행정복지센터 dong=모라3동',
    '/member add 김민수 org=모라3동행정복지센터',
    '/member add 박영희 org=행복종합사회복지관',
    '/member add 이동장 org=모라3동행정복지센터 role=head',
    '/channel bind 모라3동행정복지센터',
  );
});
afterEach(() => h.close());

const CREATE =
  '/meetup create title="모라3동 민관 정례모임" kind=정례모임 org=행복종합사회복지관 with=모라3동행정복지센터 repeat="매월 넷째 목요일" start=2026-09-01 time=14:00 duration=90 place="복지관 2층"';

describe('meetup series', () => {
  it('a monthly series: six months of dates with holidays shifted, three RSVPs, counts', async () => {
    const created = await h.say(CREATE);
    expect(created).toContain('정례모임 #1 「모라3동 민관 정례모임」을(를) 만들었습니다 (매월 넷째 목요일, 14:00)');
    expect(created).toContain('[1] 참석  [2] 불참  [3] 미정');
    await h.say('/holiday add 2026-12-24 센터 휴관');
    const list = await h.say('/meetup list from=2026-09-01 to=2027-02-28');
    expect(list.split('\n').slice(1)).toEqual([
      '2026-09-28 (월) 14:00 · #1 모라3동 민관 정례모임 · 복지관 2층 (원래 2026-09-24)',
      '2026-10-22 (목) 14:00 · #1 모라3동 민관 정례모임 · 복지관 2층',
      '2026-11-26 (목) 14:00 · #1 모라3동 민관 정례모임 · 복지관 2층',
      '2026-12-28 (월) 14:00 · #1 모라3동 민관 정례모임 · 복지관 2층 (원래 2026-12-24)',
      '2027-01-28 (목) 14:00 · #1 모라3동 민관 정례모임 · 복지관 2층',
      '2027-02-25 (목) 14:00 · #1 모라3동 민관 정례모임 · 복지관 2층',
    ]);
    expect(await h.say('@김민수 /meetup rsvp 1 참석')).toContain('참석 1 · 불참 0 · 미정 0 · 미응답 2');
    expect(await h.say('@박영희 /meetup rsvp 1 불참')).toContain('참석 1 · 불참 1 · 미정 0 · 미응답 1');
    expect(await h.say('@이동장 /meetup rsvp 1 미정')).toContain('참석 1 · 불참 1 · 미정 1 · 미응답 0');
    expect(await h.say('@이동장 /meetup rsvp 1 참석 proxy=최주무관')).toContain('대리참석: 최주무관');
    const show = await h.say('/meetup show 1');
    expect(show).toContain('응답 (2026-11-26): 참석 2 · 불참 1 · 미정 0 · 미응답 0');
    expect(show).toContain('반복: 매월 넷째 목요일 14:00 (90′)');
  });

  it('the 2nd and 4th Tuesdays in one series: both weeks listed, 설날 moved, reminders for each date', async () => {
    const created = await h.say(
      '/meetup create title="모라3동 실무협의" kind=정례모임 org=행복종합사회복지관 with=모라3동행정복지센터 repeat="매월 둘째·넷째 화요일" start=12월 1일 time=14:00',
    );
    expect(created).toContain('정례모임 #1 「모라3동 실무협의」을(를) 만들었습니다 (매월 둘째·넷째 화요일, 14:00)');
    expect((await h.db.meetupSeries.findFirstOrThrow()).rrule).toContain('RRULE:FREQ=MONTHLY;BYDAY=+2TU,+4TU');
    const list = await h.say('/meetup list from=2026-12-01 to=2027-02-28');
    expect(list.split('\n').slice(1)).toEqual([
      '2026-12-08 (화) 14:00 · #1 모라3동 실무협의',
      '2026-12-22 (화) 14:00 · #1 모라3동 실무협의',
      '2027-01-12 (화) 14:00 · #1 모라3동 실무협의',
      '2027-01-26 (화) 14:00 · #1 모라3동 실무협의',
      '2027-02-10 (수) 14:00 · #1 모라3동 실무협의 (원래 2027-02-09)',
      '2027-02-23 (화) 14:00 · #1 모라3동 실무협의',
    ]);
    expect(await h.say('/meetup show 1')).toContain('반복: 매월 둘째·넷째 화요일 14:00 (60′)');
    const keys = (await h.db.job.findMany({ where: { status: 'pending' }, select: { key: true } })).map((j) => j.key);
    expect(keys).toContain('meetup:1:2026-12-08@2026-12-08T14:00:1d');
    expect(keys).toContain('meetup:1:2026-12-22@2026-12-22T14:00:1d');
  });

  it('refuses wrong weeks of the month with an example, without echoing them or writing anything', async () => {
    const before = await rowCounts(h.db);
    const create = (repeat: string) => h.say(`/meetup create title=x kind=정례모임 org=행복종합사회복지관 repeat="${repeat}" start=2026-12-01 time=14:00`);
    const outOfRange = await create('매월 다섯째·여섯째 화요일');
    expect(outOfRange).toContain('`repeat`의 몇째 주는 첫째부터 다섯째까지, 또는 마지막만 됩니다. 예: repeat=매월 둘째·넷째 화요일');
    expect(outOfRange).not.toContain('여섯째');
    const twice = await create('매월 둘째·둘째');
    expect(twice).toContain('`repeat`에 같은 주를 두 번 적었습니다. 서로 다른 주를 적어 주세요. 예: repeat=매월 둘째·넷째 화요일');
    expect(twice).not.toContain('둘째·둘째');
    expect(await rowCounts(h.db)).toEqual(before);
  });

  it('a pressed RSVP button answers with the updated card (the adapter replaces the message)', async () => {
    await h.say(CREATE);
    await h.say('@김민수 /member me');
    const out = await h.say('@김민수 1'); // button [1] 참석 of the last card
    expect(out).toContain('■ [정례모임] 모라3동 민관 정례모임');
    expect(out).not.toContain('✔');
    expect(out).toContain('참석 1');
  });

  it('refuses bad input without writing anything', async () => {
    const before = await rowCounts(h.db);
    for (const [line, fragment] of [
      ['/meetup create title=x kind=정례모임 org=행복종합사회복지관 repeat=monthly:6:화 start=2026-12-01 time=14:00', '`repeat`의 몇째 주는 첫째부터 다섯째까지'],
      ['/meetup create title=x kind=정례모임 org=행복종합사회복지관 repeat=daily start=2026-12-01 time=14:00', '`repeat`의 반복 규칙을 알 수 없습니다'],
      ['/meetup create title=x kind=정례모임 org=행복종합사회복지관 repeat=once start=2026-12-01 time=25:00', '`time` 값을 시각으로 읽을 수 없습니다'],
      ['/meetup create title=x kind=회식 org=행복종합사회복지관 repeat=once start=2026-12-01 time=10:00', '`kind` 값을 알 수 없습니다'],
      ['/meetup create title=x kind=기타 org=행복종합사회복지관 repeat=once start=2026-12-01 time=10:00 remind=2y', '`remind`의 알림 시각을 알 수 없습니다'],
      ['/meetup create title=x kind=기타 org=없는기관 repeat=once start=2026-12-01 time=10:00', '그 이름이나 #번호의 조직을 찾을 수 없습니다'],
      ['/meetup list from=2026-12-31 to=2026-12-01', '기간이 거꾸로입니다'],
      ['/meetup rsvp 9 참석', '모임 #9을(를) 찾을 수 없습니다'],
      ['/holiday add 2026-13-01 휴관', '`date` 값을 날짜로 읽을 수 없습니다'],
    ] as const) {
      expect(await h.say(line)).toContain(fragment);
    }
    expect(await rowCounts(h.db)).toEqual(before);
  });

  it('staff organise only for their own organisation', async () => {
    await h.say('@김민수 /member me');
    expect(await h.say('@김민수 /meetup create title=x kind=기타 org=행복종합사회복지관 repeat=once start=2026-12-01 time=10:00')).toContain(
      '자기 기관이 여는 모임만',
    );
    expect(await h.say('@김민수 /meetup create title="동 회의" kind=기타 org=모라3동행정복지센터 repeat=once start=2026-12-01 time=10:00')).toContain(
      '#1 「동 회의」',
    );
  });

  it('RSVPs close when the meeting starts', async () => {
    await h.say(CREATE);
    h.clock.set('2026-11-26T05:00:00Z'); // 14:00 KST
    expect(await h.say('@김민수 /meetup rsvp 1 참석 on=2026-11-26')).toContain('이미 시작해서 응답을 바꿀 수 없습니다');
  });
});

describe('edits, cancellations and their reminder jobs', () => {
  const pendingJobs = () =>
    h.db.job.findMany({ where: { status: 'pending', kind: { startsWith: 'meetup.' } }, orderBy: { dueAt: 'asc' }, select: { key: true, dueAt: true } });

  it('plans reminders (7d, 1d, 1h) and a nudge for the next 45 days', async () => {
    await h.say(CREATE);
    const keys = (await pendingJobs()).map((j) => j.key).filter((k) => k.startsWith('meetup'));
    expect(keys).toContain('meetup:1:2026-11-26@2026-11-26T14:00:1d');
    expect(keys).toContain('meetup:1:2026-11-26@2026-11-26T14:00:1h');
    expect(keys).toContain('meetup-nudge:1:2026-11-26@2026-11-26T14:00');
    expect(keys).toContain('meetup:1:2026-12-24@2026-12-24T14:00:7d');
    expect(keys.some((k) => k.includes('2027-01-28'))).toBe(false); // beyond the horizon
  });

  it('moving one occurrence reschedules its jobs; cancelling drops them', async () => {
    await h.say(CREATE);
    expect(await h.say('/meetup edit 1 on=2026-12-24 date=2026-12-23 time=10:00')).toContain('2026-12-23 (수) 10:00–11:30');
    let keys = (await pendingJobs()).map((j) => j.key);
    expect(keys).toContain('meetup:1:2026-12-24@2026-12-23T10:00:1d');
    expect(keys.some((k) => k.includes('@2026-12-24T14:00'))).toBe(false);
    expect(await h.say('/meetup cancel 1 on=2026-12-24')).toContain('2026-12-23 일정을 취소했습니다');
    keys = (await pendingJobs()).map((j) => j.key);
    expect(keys.some((k) => k.startsWith('meetup:1:2026-12-24'))).toBe(false);
    expect(await h.say('/meetup cancel 1')).toContain('취소했습니다');
    expect(await pendingJobs()).toEqual(expect.not.arrayContaining([expect.objectContaining({ key: expect.stringMatching(/^meetup:1:/) })]));
    expect(await h.say('/meetup list')).toContain('잡힌 모임이 없습니다');
  });

  it('editing the series time re-plans every reminder', async () => {
    await h.say(CREATE);
    expect(await h.say('/meetup edit 1 time=15:30 place="동 회의실"')).toContain('알림 일정도 다시 잡았습니다');
    const keys = (await pendingJobs()).map((j) => j.key);
    expect(keys).toContain('meetup:1:2026-11-26@2026-11-26T15:30:1h');
    expect(keys.some((k) => k.includes('T14:00'))).toBe(false);
    expect(await h.say('/meetup list')).toContain('2026-11-26 (목) 15:30 · #1 모라3동 민관 정례모임 · 동 회의실');
  });
});

describe('reminders through the scheduler and the outbox', () => {
  it('a reminder reaches the bound channel once, with RSVP buttons; the nudge DMs only those who have not answered', async () => {
    await h.say(CREATE);
    await h.run('@김민수 /member me', '@박영희 /member me', '@김민수 /meetup rsvp 1 참석');
    // 10:00 KST: the 7-day reminder of 11-26 is late but still before the meeting.
    await h.app.scheduler.tick();
    await h.drain('console');
    let out = h.consoleOutput();
    expect(out).toContain('[→ #console]\n■ [정례모임] 모라3동 민관 정례모임 — 7일 전 알림');
    expect(out).toContain('[1] 참석  [2] 불참  [3] 미정');
    // 14:00 KST the day before: the 1-day reminder and the nudge.
    h.clock.set('2026-11-25T05:00:00Z');
    await h.app.scheduler.tick();
    await h.drain('console');
    out = h.consoleOutput();
    expect(out.match(/1일 전 알림/g)).toHaveLength(1);
    expect(out).toContain('[DM → 박영희]');
    expect(out).not.toContain('[DM → 김민수]');
    // Nothing more until the 1-hour reminder.
    await h.app.scheduler.tick();
    await h.drain('console');
    expect(h.consoleOutput()).toBe(out);
  });

  it('a crash after the job was claimed and the message queued: after restart it is sent exactly once', async () => {
    await h.say(CREATE);
    // Run the due job but "crash" before it is marked done: put it back to running.
    await h.app.scheduler.tick();
    const job = await h.db.job.findFirstOrThrow({ where: { key: { endsWith: ':7d' }, status: 'done' } });
    await h.db.job.update({ where: { id: job.id }, data: { status: 'running', claimedAt: h.clock.now() } });
    // A new process on the same database.
    const databaseUrl = h.databaseUrl;
    await h.close();
    h = await createHarness({ databaseUrl });
    await h.app.scheduler.recover({ startup: true });
    await h.app.scheduler.tick();
    await h.drain('console');
    expect(h.consoleOutput().match(/7일 전 알림/g)).toHaveLength(1);
    expect(await h.db.outboxMessage.count({ where: { idempotencyKey: { startsWith: job.key } } })).toBe(1);
    expect(await h.db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: 'done' });
  });

  it('on the first working day of a month each bound organisation gets "이번 달 모임"', async () => {
    await h.say(CREATE);
    await meetupMonth.schedule(h.app.scheduler, { key: 'meetup-month:2026-12', payload: { month: '2026-12' }, dueAt: h.clock.now() });
    await h.app.scheduler.tick();
    await h.drain('console');
    expect(h.consoleOutput()).toContain('■ 이번 달 모임 (2026-12)\n2026-12-24 (목) 14:00 · #1 모라3동 민관 정례모임');
    expect(await h.db.job.findUnique({ where: { key: 'meetup-month:2027-01' } })).toMatchObject({ status: 'pending' });
  });
});

describe('.ics export', () => {
  it('parses with ical.js: one VEVENT per occurrence, UTC times, stable UIDs', async () => {
    await h.say(CREATE);
    const out = await h.say('/meetup ics 1 months=3');
    const ics = out.slice(out.indexOf('BEGIN:VCALENDAR'));
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.uid, e.startDate.toJSDate().toISOString(), e.summary, e.location])).toEqual([
      ['meetup-1-2026-11-26@minkwan-bot', '2026-11-26T05:00:00.000Z', '모라3동 민관 정례모임', '복지관 2층'],
      ['meetup-1-2026-12-24@minkwan-bot', '2026-12-24T05:00:00.000Z', '모라3동 민관 정례모임', '복지관 2층'],
      ['meetup-1-2027-01-28@minkwan-bot', '2027-01-28T05:00:00.000Z', '모라3동 민관 정례모임', '복지관 2층'],
      // months=3 from 11-25 is up to 02-24 (calendar months, not 3 × 31 days): 02-25 is not in it.
    ]);
    expect(events[0].endDate.toJSDate().toISOString()).toBe('2026-11-26T06:30:00.000Z');
    const org = await h.say('/meetup ics org=모라3동행정복지센터');
    expect(org).toContain('meetups-org-2.ics');
  });
});

describe('reminders of a series created shortly before its meeting', () => {
  it('send one reminder, not every overdue one', async () => {
    h.clock.set('2026-11-26T03:00:00Z'); // 12:00 KST, two hours before the 14:00 meeting
    await h.say(CREATE);
    const result = await h.app.scheduler.tick();
    await h.drain('console');
    const out = h.consoleOutput();
    expect(out).not.toContain('7일 전 알림');
    expect(out.match(/1일 전 알림/g)).toHaveLength(1);
    expect(result.missed).toBe(0);
  });
});
