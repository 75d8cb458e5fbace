// Polls typed the Korean way: kinds, deadlines, named by default; /poll show
// and /poll extend, with refusals that write nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rowCounts } from '../../support/db-snapshot.ts';
import { createHarness, type Harness } from '../../support/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await createHarness(); // 2026-11-25 10:00 KST
  await h.run(
    '/org add 보장협의체 모라3동지역사회보장협의체 dong=모라3동',
    '/org add 행정복지센터 모라3동행정복지센터 dong=모라3동',
    '/member add 이동장 org=모라3동행정복지센터 role=head',
    '/member add 김위원',
    '/member add 박위원',
    '/council seat 이동장 council=모라3동지역사회보장협의체 seat=chair-public from=2026-01-01',
    '/council seat 김위원 council=모라3동지역사회보장협의체 seat=member from=2026-01-01',
    '/council seat 박위원 council=모라3동지역사회보장협의체 seat=member from=2026-01-01',
    '@이동장 /member me',
    '@김위원 /member me',
    '@박위원 /member me',
  );
});
afterEach(() => h.close());

describe('polls in Korean', () => {
  it('kind 찬반, deadline 12월 1일 오후 6시, named when anonymous= is not given; 찬성 aliases', async () => {
    const out = await h.say('@이동장 /poll create question=안건 voters=council:모라3동지역사회보장협의체 kind=찬반 deadline=12월 1일 오후 6시');
    expect(out).toContain('방식: 찬반 의결');
    expect(out).toContain('공개: 기명투표');
    expect(out).toContain('마감: 2026-12-01 18:00');
    expect(await h.say('@김위원 /poll vote 1 동의')).toContain('(찬성)');
  });

  it('without kind: 하나 when options are given, else 찬반; 여러개 3 and 순위', async () => {
    expect(await h.say('@이동장 /poll create question=날짜 options="8일,15일" voters=council:모라3동지역사회보장협의체 deadline=내일 18:00')).toContain(
      '방식: 하나 고르기',
    );
    expect(await h.say('@이동장 /poll create question=안건 voters=council:모라3동지역사회보장협의체 deadline=모레')).toContain('방식: 찬반 의결');
    expect(
      await h.say('@이동장 /poll create question=사업 options="가,나,다,라" voters=council:모라3동지역사회보장협의체 kind=여러개 3 deadline=12/10 17:00'),
    ).toContain('방식: 3개까지 고르기');
    expect(await h.say('@이동장 /poll create question=순서 options="가,나,다" voters=council:모라3동지역사회보장협의체 kind=순위 deadline=12/10')).toContain(
      '방식: 순위 매기기',
    );
  });

  it('/poll show re-displays the poll with its buttons', async () => {
    await h.say('@이동장 /poll create question=안건 voters=council:모라3동지역사회보장협의체 kind=찬반 deadline=12월 1일 오후 6시');
    await h.say('@김위원 /poll vote 1 찬성');
    const shown = await h.say('@박위원 /poll show 1');
    expect(shown).toContain('■ 투표 #1: 안건');
    expect(shown).toContain('[1] 찬성  [2] 반대  [3] 기권');
    expect(shown).toContain('참여: 1/3명 참여 (33%)');
    expect(await h.say('@박위원 /poll show 9')).toContain('투표 #9');
  });

  it('the creator extends the deadline; the close job and reminders move; refusals write nothing', async () => {
    await h.say('@이동장 /poll create question=안건 voters=council:모라3동지역사회보장협의체 kind=찬반 deadline=12월 1일 오후 6시');
    const before = await rowCounts(h.db);
    expect(await h.say('@김위원 /poll extend 1 deadline=12월 3일')).toContain('역할만 쓸 수 있습니다');
    expect(await h.say('@이동장 /poll extend 1 deadline=11월 30일 오후 6시')).toContain('더 늦은 날짜·시각');
    expect(await h.say('@이동장 /poll extend 1 deadline=언젠가')).toContain('마감(`deadline`)을 날짜·시각으로 읽을 수 없습니다');
    expect(await h.say('@이동장 /poll extend 9 deadline=12월 3일')).toContain('투표 #9');
    expect(await rowCounts(h.db)).toEqual(before);

    const out = await h.say('@이동장 /poll extend 1 deadline=12월 3일 오후 6시');
    expect(out).toContain('투표 #1의 마감을 2026-12-01 18:00에서 2026-12-03 18:00(으)로 미뤘습니다');
    expect(out).toContain('마감: 2026-12-03 18:00');
    const close = await h.db.job.findUnique({ where: { key: 'poll-close:1' } });
    expect(close?.dueAt.toISOString()).toBe('2026-12-03T09:00:00.000Z');
    const reminders = await h.db.job.findMany({ where: { kind: 'poll.remind', status: 'pending' }, orderBy: { dueAt: 'asc' } });
    expect(reminders.map((j) => j.dueAt.toISOString())).toEqual(['2026-12-02T09:00:00.000Z', '2026-12-03T07:00:00.000Z']);
    expect(await h.say('/audit')).toContain('투표 마감 연장');

    await h.say('@이동장 /poll close 1');
    const after = await rowCounts(h.db);
    expect(await h.say('@이동장 /poll extend 1 deadline=12월 5일')).toContain('마감되었습니다');
    expect(await rowCounts(h.db)).toEqual(after);
  });

  it('council rules in Korean are stored canonically', async () => {
    const out = await h.say('/council rules 모라3동지역사회보장협의체 quorum=과반수 pass=3분의 2 이상');
    expect(out).not.toContain('badFraction');
    const row = await h.db.councilRule.findFirst();
    expect(row).toMatchObject({ quorum: 'majority', pass: '2/3' });
    const before = await rowCounts(h.db);
    expect(await h.say('/council rules 모라3동지역사회보장협의체 pass=3분의 4')).toContain('3분의 2 이상');
    expect(await rowCounts(h.db)).toEqual(before);
  });
});
