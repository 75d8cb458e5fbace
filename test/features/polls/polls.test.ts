// Council polls through the console: electorate, one ballot each, changes,
// secrecy in the database, deadlines closed by the scheduler, quorum verdicts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rowCounts } from '../../support/db-snapshot.ts';
import { createHarness, type Harness } from '../../support/harness.ts';
import { onPostgres, PHYSICAL_ORDER } from '../../support/paths.ts';
import { ballotKey } from '../../../src/features/polls/ballot-key.ts';
import { openChoice } from '../../../src/features/polls/sealed-ballot.ts';

let h: Harness;
const MEMBERS = ['김위원', '이위원', '박위원', '최위원', '정위원'];

beforeEach(async () => {
  h = await createHarness(); // 2026-11-25 10:00 KST
  await h.run(
    '/org add 보장협의체 모라3동지역사회보장협의체 dong=모라3동',
    '/org add 행정복지센터 모라3동행정복지센터 dong=모라3동',
    '/member add 이동장 org=모라3동행정복지센터 role=head',
    '/member add 외부인',
    ...MEMBERS.map((name) => `/member add ${name}`),
    '/council seat 이동장 council=모라3동지역사회보장협의체 seat=chair-public from=2026-01-01',
    ...MEMBERS.map((name) => `/council seat ${name} council=모라3동지역사회보장협의체 seat=member from=2026-01-01`),
    // A member whose term has ended does not vote.
    '/member add 전위원',
    '/council seat 전위원 council=모라3동지역사회보장협의체 seat=member from=2024-01-01 to=2025-12-31',
    ...[...MEMBERS, '이동장', '외부인', '전위원'].map((name) => `@${name} /member me`),
  );
});
afterEach(() => h.close());

const DECISION =
  '/poll create question="2027년 특화사업: 어르신 팔순잔치" voters=council:모라3동지역사회보장협의체 kind=decision anonymous=no deadline="2026-12-01 18:00"';

describe('a decision poll with six council members', () => {
  it('double vote counts once, an outsider is refused, a vote changes, early close gives the verdict', async () => {
    const opened = await h.say(`@이동장 ${DECISION}`);
    expect(opened).toContain('■ 투표 #1: 2027년 특화사업: 어르신 팔순잔치');
    expect(opened).toContain('참여: 0/6명 참여 (0%)');
    expect(opened).toContain('[1] 찬성  [2] 반대  [3] 기권');

    expect(await h.say('@김위원 /poll vote 1 찬성')).toContain('투표 #1에 투표했습니다 (찬성)');
    expect(await h.say('@이위원 /poll vote 1 1')).toContain('(찬성)');
    expect(await h.say('@박위원 /poll vote 1 반대')).toContain('(반대)');
    expect(await h.say('@박위원 /poll vote 1 찬성')).toContain('표를 바꿨습니다 (찬성)');
    expect(await h.say('@최위원 /poll vote 1 기권')).toContain('(기권)');
    expect(await h.say('@외부인 /poll vote 1 찬성')).toContain('투표권자가 아닙니다');
    expect(await h.say('@전위원 /poll vote 1 찬성')).toContain('투표권자가 아닙니다');
    expect(await h.db.pollBallot.count()).toBe(4);
    expect(await h.say('/poll results 1')).toContain('마감(2026-12-01 18:00) 뒤에 공개됩니다. 지금 4/6명 참여 (67%)');

    const result = await h.say('@이동장 /poll close 1');
    expect(result).toContain('■ 투표 #1 결과: 2027년 특화사업: 어르신 팔순잔치');
    expect(result).toContain('재적 6 · 참여 4 · 찬성 3 · 반대 0 · 기권 1');
    expect(result).toContain('결과: 가결');
    expect(await h.say('@정위원 /poll vote 1 찬성')).toContain('마감되었습니다');
    expect(await h.say('@김위원 /poll close 1')).toContain('역할만 쓸 수 있습니다');
    // The result went to the channel where the poll was opened and to the chair by DM.
    await h.drain('console');
    expect(h.consoleOutput()).toContain('[→ #console]\n✔ ■ 투표 #1 결과');
    expect(h.consoleOutput()).toContain('[DM → 이동장]');
  });

  it('without quorum the decision is void, and a tie fails', async () => {
    await h.say(`@이동장 ${DECISION}`);
    await h.run('@김위원 /poll vote 1 찬성', '@이위원 /poll vote 1 찬성');
    expect(await h.say('@이동장 /poll close 1')).toContain('정족수 미달로 무효');
    await h.say(`@이동장 ${DECISION.replace('팔순잔치', '김장 나눔')}`);
    await h.run('@김위원 /poll vote 2 찬성', '@이위원 /poll vote 2 찬성', '@박위원 /poll vote 2 반대', '@최위원 /poll vote 2 반대');
    expect(await h.say('@이동장 /poll close 2')).toContain('가부동수로 부결');
  });

  it('a council may require two thirds', async () => {
    expect(await h.say('/council rules 모라3동지역사회보장협의체 pass=2/3')).toContain('가결: 참여위원 3분의 2 이상 찬성');
    await h.say(`@이동장 ${DECISION}`);
    await h.run('@김위원 /poll vote 1 찬성', '@이위원 /poll vote 1 찬성', '@박위원 /poll vote 1 찬성', '@최위원 /poll vote 1 반대', '@정위원 /poll vote 1 반대');
    expect(await h.say('@이동장 /poll close 1')).toContain('결과: 부결');
  });
});

describe('members who leave office while a poll is open', () => {
  it('vote no more from the day they leave; 재적 counts the members in office and those who voted while in it', async () => {
    await h.say(`@이동장 ${DECISION}`); // 6 voters: 이동장 and the five 위원
    await h.run('@김위원 /poll vote 1 찬성', '@이위원 /poll vote 1 찬성');
    // Terms that end during the poll (the last day is 11-28), and two dismissals today.
    await h.run(
      '/council seat 박위원 council=모라3동지역사회보장협의체 seat=member from=2026-01-01 to=2026-11-28',
      '/council seat 정위원 council=모라3동지역사회보장협의체 seat=member from=2026-01-01 to=2026-11-28',
      '/council dismiss 최위원 council=모라3동지역사회보장협의체 confirm=yes',
      '/council dismiss 이위원 council=모라3동지역사회보장협의체 confirm=yes',
    );
    const refusal = '✖ 투표 #1에는 더 참여할 수 없습니다: 투표가 열린 뒤 협의체 임기가 끝났거나 해촉·퇴직되었습니다.';
    for (const line of ['@최위원 /poll vote 1 찬성', '@이위원 /poll vote 1 반대']) {
      const before = await rowCounts(h.db);
      expect(await h.say(line)).toBe(refusal);
      expect(await rowCounts(h.db)).toEqual(before);
    }
    h.clock.set('2026-11-28T14:59:00Z'); // 11-28 23:59 KST: the last day of the term
    expect(await h.say('@박위원 /poll vote 1 찬성')).toContain('투표했습니다');
    h.clock.set('2026-11-28T15:00:00Z'); // 11-29 00:00 KST
    expect(await h.say('@정위원 /poll vote 1 찬성')).toBe(refusal);
    // 최위원 and 정위원 left without voting: out of 재적. 이위원 and 박위원 voted while in office: their ballots stand.
    expect(await h.say('/poll results 1')).toContain('지금 3/4명 참여 (75%)');
    expect(await h.say('@이동장 /poll close 1')).toContain('재적 4 · 참여 3 · 찬성 3 · 반대 0 · 기권 0');
  });
});

describe('secrecy of anonymous polls', () => {
  it('the database holds no way to tie a voter to a choice', async () => {
    await h.say(
      '/poll create question="민간위원장 후보 추천" options="김위원,이위원,박위원" voters=council:모라3동지역사회보장협의체 kind=single anonymous=yes deadline="2026-12-01 18:00"',
    );
    const votes: Record<string, number> = { 김위원: 2, 이위원: 1, 박위원: 2, 최위원: 3, 정위원: 1 };
    for (const [name, option] of Object.entries(votes)) await h.say(`@${name} /poll vote 1 ${option}`);
    expect(await h.say('@김위원 /poll vote 1 1')).toContain('비밀투표는 누가 무엇을 골랐는지 남기지 않으므로 바꿀 수 없고');

    const ballots = await h.db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "PollBallot" ORDER BY ${PHYSICAL_ORDER}`);
    expect(ballots).toHaveLength(5);
    // No member, no time, and no column shared with the participation rows but the poll id.
    expect(Object.keys(ballots[0]).sort()).toEqual(['choice', 'id', 'memberId', 'pollId']);
    expect(ballots.every((b) => b.memberId === null)).toBe(true);
    const participation = await h.db.$queryRawUnsafe<{ memberId: number }[]>(`SELECT * FROM "PollParticipation" ORDER BY ${PHYSICAL_ORDER}`);
    // The physical order of ballots is not the order of voting (random ids are the row positions).
    const ids = ballots.map((b) => Number(b.id));
    expect(ids.every((id) => id > 1000)).toBe(true);
    expect(participation.map((p) => p.memberId)).toHaveLength(5);
    // The audit log says who voted, never what.
    const audit = await h.db.auditLog.findMany({ where: { action: 'poll.vote' } });
    expect(audit).toHaveLength(5);
    expect(audit.every((a) => a.detail === null)).toBe(true);
    // Results stay hidden until the close, even for the creator and admins.
    expect(await h.say('/poll results 1')).toContain('마감(2026-12-01 18:00) 뒤에 공개됩니다');
    const closed = await h.say('/poll close 1');
    expect(closed).toContain('김위원: 2');
    expect(closed).toContain('이위원: 2');
    expect(closed).toContain('박위원: 1');
    // The export has choices only, no names.
    const csv = await h.say('/poll export 1');
    expect(csv).toContain('poll-1.csv');
    for (const name of ['최위원', '정위원']) expect(csv).not.toContain(name);
  });

  it('a named poll shows names in the export', async () => {
    await h.say('/poll create question="회의 날짜" options="8일,15일" voters=council:모라3동지역사회보장협의체 kind=single anonymous=no deadline="2026-12-01 18:00"');
    await h.run('@김위원 /poll vote 1 2', '/poll close 1');
    expect(await h.say('/poll export 1')).toContain('김위원,15일');
  });
});

describe('poll kinds and input', () => {
  it('multi and ranked ballots', async () => {
    await h.say('/poll create question="교육 주제" options="자살예방,고독사,치매" voters=council:모라3동지역사회보장협의체 kind=multi:2 anonymous=no deadline="2026-12-01 18:00"');
    expect(await h.say('@김위원 /poll vote 1 1,3')).toContain('(자살예방, 치매)');
    expect(await h.say('@이위원 /poll vote 1 1,2,3')).toContain('2개까지 고를 수 있습니다');
    await h.say('/poll create question="사업 순위" options="가,나,다" voters=council:모라3동지역사회보장협의체 kind=ranked anonymous=no deadline="2026-12-01 18:00"');
    expect(await h.say('@김위원 /poll vote 2 3,1,2')).toContain('(다, 가, 나)');
    expect(await h.say('@이위원 /poll vote 2 1,1')).toContain('같은 선택지를 두 번');
    expect(await h.say('@박위원 /poll vote 2 4')).toContain('1부터 3까지');
  });

  it('a ranked poll tied after the runoff says so, not "most votes"', async () => {
    await h.say('/poll create question="사업 순위" options="가,나,다" voters=council:모라3동지역사회보장협의체 kind=ranked anonymous=no deadline="2026-12-01 18:00"');
    // 가 2, 나 2, 다 1 first preferences: 다 goes, its ballot ranks nothing else, so 가 and 나 stay 2:2.
    await h.run('@김위원 /poll vote 1 1,2', '@이위원 /poll vote 1 1', '@박위원 /poll vote 1 2,1', '@최위원 /poll vote 1 2', '@정위원 /poll vote 1 3');
    const tied = await h.say('/poll close 1');
    expect(tied).toContain('결선 동률: 가, 나');
    expect(tied).not.toContain('가장 많은 표');
    await h.say('/poll create question="교육 순위" options="가,나,다" voters=council:모라3동지역사회보장협의체 kind=ranked anonymous=no deadline="2026-12-01 18:00"');
    await h.run('@김위원 /poll vote 2 1', '@이위원 /poll vote 2 1', '@박위원 /poll vote 2 2', '@최위원 /poll vote 2 2', '@정위원 /poll vote 2 3,1');
    expect(await h.say('/poll close 2')).toContain('결선 1위: 가');
  });

  it('refuses bad polls without writing anything', async () => {
    const before = await rowCounts(h.db);
    for (const [line, fragment] of [
      ['/poll create question=x options="a" voters=council:모라3동지역사회보장협의체 kind=single anonymous=no deadline="2026-12-01 18:00"', '2~10개'],
      ['/poll create question=x options="a,b" voters=council:모라3동행정복지센터 kind=single anonymous=no deadline="2026-12-01 18:00"', '보장협의체가 아닙니다'],
      ['/poll create question=x options="a,b" voters=everyone kind=single anonymous=no deadline="2026-12-01 18:00"', '투표할 사람(`voters`)을 알 수 없습니다'],
      ['/poll create question=x options="a,b" voters=council:모라3동지역사회보장협의체 kind=best anonymous=no deadline="2026-12-01 18:00"', '투표 종류(`kind`)를 알 수 없습니다'],
      ['/poll create question=x options="a,b" voters=council:모라3동지역사회보장협의체 kind=single anonymous=no deadline="2026-11-20 18:00"', '이미 지났습니다'],
      ['/poll create question=x options="a,b" voters=council:모라3동지역사회보장협의체 kind=single anonymous=no deadline="2026-02-30 18:00"', '마감(`deadline`)을 날짜·시각으로 읽을 수 없습니다'],
      ['/poll create question=x options="a,b" voters=council:모라3동지역사회보장협의체 kind=single anonymous=maybe deadline="2026-12-01 18:00"', '`anonymous`에는 yes 또는 no'],
      ['@김위원 /poll create question=x options="a,b" voters=council:모라3동지역사회보장협의체 kind=single anonymous=no deadline="2026-12-01 18:00"', '관리자, 코디네이터, 기관장'],
    ] as const) {
      expect(await h.say(line)).toContain(fragment);
    }
    expect(await rowCounts(h.db)).toEqual(before);
  });
});

describe('deadlines and reminders through the scheduler', () => {
  it('closes at the deadline and posts the result once; reminders DM only those who have not voted', async () => {
    await h.say(DECISION);
    await h.run('@김위원 /poll vote 1 찬성', '@이위원 /poll vote 1 찬성', '@박위원 /poll vote 1 찬성', '@최위원 /poll vote 1 찬성');
    h.clock.set('2026-11-30T09:00:00Z'); // 1 day before 18:00 KST on 12-01
    await h.app.scheduler.tick();
    await h.drain('console');
    const reminders = h.consoleOutput();
    expect(reminders).toContain('[DM → 정위원]');
    expect(reminders).toContain('아직 투표하지 않으셨습니다');
    expect(reminders).not.toContain('[DM → 김위원]');

    h.clock.set('2026-12-01T09:00:00Z'); // 18:00 KST
    await h.app.scheduler.tick();
    await h.app.scheduler.tick();
    await h.drain('console');
    const out = h.consoleOutput().slice(reminders.length);
    expect(out.match(/투표 #1 결과/g)).toHaveLength(2); // the channel and the chair's DM, once each
    expect(out).toContain('결과: 가결');
    expect(await h.db.poll.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ status: 'closed' });
  });
});

describe('secrecy in the database file', () => {
  /** Rowids of a table's leaf page, in the order SQLite placed the cells in the page (newest first is lowest offset). */
  function cellsByPlacement(file: Buffer, rootPage: number, pageSize: number): number[] {
    const base = (rootPage - 1) * pageSize + (rootPage === 1 ? 100 : 0);
    expect(file[base]).toBe(13); // a leaf table page: everything fits in one page here
    const cells = file.readUInt16BE(base + 3);
    const varint = (at: number): [number, number] => {
      let value = 0;
      for (let i = 0; i < 9; i++) {
        const byte = file[at + i];
        value = value * 128 + (byte & 0x7f);
        if (byte < 0x80) return [value, at + i + 1];
      }
      return [value, at + 9];
    };
    const placed: { offset: number; rowid: number }[] = [];
    for (let i = 0; i < cells; i++) {
      const offset = file.readUInt16BE(base + 8 + i * 2);
      const [, afterLength] = varint((rootPage - 1) * pageSize + offset);
      placed.push({ offset, rowid: varint(afterLength)[0] });
    }
    // SQLite fills a page from its end: the first row written sits at the highest offset.
    return placed.sort((a, b) => b.offset - a.offset).map((c) => c.rowid);
  }

  // Reads SQLite's file format; PostgreSQL's counterpart: test/db/postgres-ballots.test.ts.
  it.skipIf(onPostgres)('the physical order of secret ballots in the file is not the order of voting', async () => {
    const voters = ['가위원', '나위원', '다위원', '라위원', '마위원', '바위원', '사위원', '아위원'];
    await h.run(
      ...voters.map((name) => `/member add ${name}`),
      ...voters.map((name) => `/council seat ${name} council=모라3동지역사회보장협의체 seat=member from=2026-01-01`),
      ...voters.map((name) => `@${name} /member me`),
    );
    const options = voters.map((_, i) => `안${i + 1}`).join(',');
    await h.say(`/poll create question="순서 시험" options="${options}" voters=council:모라3동지역사회보장협의체 kind=single anonymous=yes deadline="2026-12-01 18:00"`);
    // Voter i chooses option i: a ballot's choice tells when it was cast.
    for (const [i, name] of voters.entries()) expect(await h.say(`@${name} /poll vote 1 ${i + 1}`)).toContain('투표했습니다');

    await h.db.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
    const [{ rootpage }] = await h.db.$queryRawUnsafe<{ rootpage: number }[]>(`SELECT rootpage FROM sqlite_master WHERE name = 'PollBallot'`);
    const [{ page_size: pageSize }] = await h.db.$queryRawUnsafe<{ page_size: number }[]>('PRAGMA page_size');
    const { readFileSync } = await import('node:fs');
    const file = readFileSync(h.databaseUrl.slice('file:'.length));
    const rowids = cellsByPlacement(file, Number(rootpage), Number(pageSize));
    const key = await ballotKey(h.app.context());
    const choiceOf = new Map(
      (await h.db.pollBallot.findMany({ where: { pollId: 1 } })).map((b) => [b.id, (JSON.parse(openChoice(key, 1, b.choice)) as number[])[0]]),
    );
    const placementOrder = rowids.map((id) => choiceOf.get(id));
    expect(placementOrder.sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]); // every ballot found in the page
    const again = rowids.map((id) => choiceOf.get(id));
    // With 8 ballots a random placement equals the voting order with probability 1/40320.
    expect(again).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('privacy of what is typed', () => {
  it.each([
    '/member add 김민수 position=900101"-"1234567',
    '/member add 김민수 position=９００１０１－１２３４５６７',
    '/member add 김민수 position=900101—2234567',
    "/member add 김민수 position=M1234''5678",
  ])('refuses a disguised identifier: %s', async (line) => {
    const before = await rowCounts(h.db);
    const out = await h.say(line);
    expect(out).toContain('처리하지 않았습니다');
    expect(out).not.toMatch(/1234567|5678/);
    expect(await rowCounts(h.db)).toEqual(before);
  });

  it('a console name that looks like a resident number is refused and not stored', async () => {
    const before = await rowCounts(h.db);
    expect(await h.say('@900101-1234567 /help')).toContain('주민등록번호처럼 보이는 값');
    expect(await rowCounts(h.db)).toEqual(before);
  });

  it('only the creator or an admin exports a poll', async () => {
    await h.say(`@이동장 ${DECISION}`);
    await h.say('@이동장 /poll close 1');
    await h.say('/member role 김위원 head');
    expect(await h.say('@김위원 /poll export 1')).toContain('만든 사람이나 관리자만 내려받을 수 있습니다');
    expect(await h.say('@이동장 /poll export 1')).toContain('poll-1.csv');
  });
});
