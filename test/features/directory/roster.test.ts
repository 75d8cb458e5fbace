// Keeping the roster true through the console: list, edit, retire and bring
// back, merge, rename and remove organisations, undo partnerships, end seats,
// namesakes, near-miss names. Every refusal leaves the database as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rowCounts } from '../../support/db-snapshot.ts';
import { createHarness, type Harness } from '../../support/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await createHarness(); // 2026-11-25 10:00 KST
  await h.run(
    '/org add 행정복지센터 모라3동행정복지센터 dong=모라3동 sigungu=사상구',
    '/org add 사회복지관 행복종합사회복지관 dong=모라3동 sigungu=사상구',
    '/org add 보장협의체 모라3동지역사회보장협의체 dong=모라3동',
    '/org link 행복종합사회복지관 모라3동행정복지센터 kind=거점',
    '/member add 홍길동 org=모라3동행정복지센터 position=주무관',
    '/member add 이동장 org=모라3동행정복지센터 role=기관장',
    '/member add 박관장 org=행복종합사회복지관 role=기관장',
    '/member add 김코디 role=코디네이터',
    '/member add 최위원 org=모라3동행정복지센터',
    '/council seat 최위원 council=모라3동지역사회보장협의체 seat=위원 from=2026-01-01',
    '/council seat 이동장 council=모라3동지역사회보장협의체 seat=공공위원장 from=2026-01-01',
  );
});
afterEach(() => h.close());

/** Everything a roster change could touch, to show a refusal changed nothing. */
async function roster() {
  return {
    counts: await rowCounts(h.db),
    members: await h.db.member.findMany({ include: { roles: true }, orderBy: { id: 'asc' } }),
    orgs: await h.db.organization.findMany({ orderBy: { id: 'asc' } }),
    seats: await h.db.councilSeat.findMany({ orderBy: { id: 'asc' } }),
  };
}

describe('roster commands', () => {
  it('lists and searches members by organisation, role, council and status, with Korean values', async () => {
    const byOrg = await h.say('/member list org=모라3동행정복지센터');
    expect(byOrg).toContain('■ 구성원 3명 · 모라3동행정복지센터');
    expect(byOrg).toContain('#2 홍길동(모라3동행정복지센터·주무관) · 실무자');
    expect(await h.say('/member list role=기관장')).toContain('■ 구성원 2명');
    const council = await h.say('/member list council=모라3동지역사회보장협의체');
    expect(council).toContain('이동장');
    expect(council).toContain('최위원');
    expect(await h.say('/member list name=길동')).toContain('홍길동');
    expect(await h.say('/member list status=퇴직')).toBe('조건에 맞는 구성원이 없습니다.');
  });

  it('shows a council roster with seats and terms; /org show counts sitting members', async () => {
    const out = await h.say('/council list 모라3동지역사회보장협의체');
    expect(out.split('\n')).toEqual([
      '■ 모라3동지역사회보장협의체 위원 2명',
      '공공위원장 이동장 (모라3동행정복지센터) · 2026-01-01~2027-12-31',
      '위원 최위원 (모라3동행정복지센터) · 2026-01-01~2027-12-31',
    ]);
    expect(await h.say('/org show 모라3동지역사회보장협의체')).toContain('임기 중인 위원: 2');
  });

  it('edits a member: the coordinator anything, the member their own details, `-` clears', async () => {
    expect(await h.say('/member edit 홍길동 position=팀장 phone=051-310-1234')).toBe('✔ 홍길동(#2) 님의 정보를 고쳤습니다: position=팀장, phone=051-310-1234');
    expect(await h.say('@홍길동 /member edit 홍길동 email=hong@sasang.go.kr')).toContain('✔');
    expect(await h.say('@홍길동 /member edit 홍길동 position=-')).toContain('✔');
    const member = await h.db.member.findUniqueOrThrow({ where: { id: 2 } });
    expect([member.position, member.phone, member.email]).toEqual([null, '051-310-1234', 'hong@sasang.go.kr']);
    expect(await h.say('/member edit 홍길동 name=홍길순')).toContain('홍길순(#2)');
    const log = await h.say('/audit');
    expect(log).toContain('member #2');
  });

  it('retires after confirming (seats end today), keeps the record, and brings back', async () => {
    const question = await h.say('/member retire 최위원 reason=전출');
    expect(question).toContain('최위원 님을 전출(으)로 처리할까요?');
    expect(question).toContain('진행 중인 협의체 임기 1개는 오늘로 끝납니다');
    expect(question).toContain('[1] 확인');
    expect((await h.db.member.findUniqueOrThrow({ where: { id: 6 } })).status).toBe('active');
    expect(await h.say('1')).toBe('✔ 최위원 님을 전출(으)로 처리했습니다. 끝난 협의체 임기: 1개. 돌아오면 `/member reactivate #6`.');
    expect((await h.db.member.findUniqueOrThrow({ where: { id: 6 } })).status).toBe('transferred');
    expect(await h.say('/council list 모라3동지역사회보장협의체')).not.toContain('최위원');
    expect(await h.say('/member list org=모라3동행정복지센터')).not.toContain('최위원');
    expect(await h.say('/member list status=전출')).toContain('최위원');
    // The retired member's account no longer acts.
    expect(await h.say('@최위원 /org list')).toContain('아직 구성원과 연결되지 않은 계정');
    expect(await h.say('/member reactivate 최위원')).toContain('최위원 님이 다시 재직 중입니다');
    expect(await h.say('@최위원 /org list')).toContain('등록된 조직');
  });

  it('merges two records of one person after confirming', async () => {
    await h.say('/member add "홍 길동" org=행복종합사회복지관 email=hong@welfare.or.kr');
    const question = await h.say('/member merge 홍길동 #7');
    expect(question).toContain('되돌릴 수 없습니다');
    expect(await h.db.member.count({ where: { id: 7 } })).toBe(1);
    expect(await h.say('/member merge #2 #7 confirm=yes')).toContain('✔ #7 홍 길동(행복종합사회복지관)을(를) #2 홍길동(모라3동행정복지센터·주무관)에 합쳤습니다.');
    expect(await h.db.member.count({ where: { id: 7 } })).toBe(0);
    expect((await h.db.member.findUniqueOrThrow({ where: { id: 2 } })).email).toBe('hong@welfare.or.kr');
  });

  it('renames an organisation, removes one without members after confirming, and unlinks a partnership', async () => {
    expect(await h.say('/org rename 행복종합사회복지관 name=행복사회복지관')).toBe('✔ 행복종합사회복지관의 이름을 행복사회복지관(으)로 바꿨습니다.');
    await h.say('/org add 기타 정신건강복지센터');
    expect(await h.say('/org remove 정신건강복지센터')).toContain('정신건강복지센터을(를) 지울까요?');
    expect(await h.say('1')).toBe('✔ 정신건강복지센터을(를) 지웠습니다.');
    expect(await h.db.organization.count({ where: { name: '정신건강복지센터' } })).toBe(0);
    expect(await h.say('/org unlink 1')).toContain('관계(#1)를 끊을까요?');
    expect(await h.say('/org unlink 1 confirm=yes')).toContain('✔ 행복사회복지관 → 모라3동행정복지센터 거점 관계(#1)를 끊었습니다.');
    expect(await h.db.partnership.count()).toBe(0);
  });

  it('ends a council seat today after confirming', async () => {
    expect(await h.say('/council dismiss 최위원 council=모라3동지역사회보장협의체')).toContain('임기를 오늘(2026-11-25)로 끝낼까요?');
    expect(await h.say('1')).toBe('✔ 최위원 님의 모라3동지역사회보장협의체 위원 임기를 2026-11-25에 끝냈습니다.');
    expect(await h.say('/council list 모라3동지역사회보장협의체 all=yes')).toContain('위원 최위원 (모라3동행정복지센터) · 2026-01-01~2026-11-24 (임기 끝)');
  });

  it('asks "same person?" for a namesake in the same organisation; new=yes registers a second one', async () => {
    const before = await rowCounts(h.db);
    const out = await h.say('/member add 홍길동 org=모라3동행정복지센터');
    expect(out).toContain('모라3동행정복지센터에 #2 홍길동(모라3동행정복지센터·주무관) 님이 이미 있습니다. 같은 사람인가요?');
    expect(out).toContain('[1] 같은 사람: #2 보기');
    expect(await rowCounts(h.db)).toEqual(before);
    expect(await h.say('/member add 홍길동 org=행복종합사회복지관')).toContain('✔');
    expect(await h.say('/member add 홍길동 org=모라3동행정복지센터 new=yes')).toContain('✔');
    expect(await h.say('/member show 홍길동')).toContain('이 가운데 #번호로 적어 주세요');
  });

  it('finds names with spaces ignored and offers near misses', async () => {
    expect(await h.say('/org show 모라3동 행정복지센터')).toContain('#1 모라3동행정복지센터');
    expect(await h.say('/org show 모라2동행정복지센터')).toContain('혹시 이 조직인가요? 모라3동행정복지센터(#1)');
    expect(await h.say('/member show 홍길둥')).toContain('혹시 이 분인가요? #2 홍길동');
  });
});

describe('console speakers', () => {
  it('a typo\'d @speaker creates nothing and offers the closest name; @@ creates on purpose; quotes and #ids work', async () => {
    const before = await rowCounts(h.db);
    const out = await h.say('@홍길둥 /member me');
    expect(out).toContain('그 이름은 등록된 구성원이 아닙니다. 혹시 이 분인가요? #2 홍길동(모라3동행정복지센터·주무관)');
    expect(out).not.toContain('홍길둥');
    expect(await h.say('@#9 /member me')).toContain('그 이름이나 #번호의 구성원을 찾을 수 없습니다');
    expect(await rowCounts(h.db)).toEqual(before);
    expect(await h.say('@홍 /member me')).toContain('#2 홍길동'); // a unique beginning
    expect(await h.say('@#3 /member me')).toContain('#3 이동장');
    await h.say('/member add "이 순자" org=행복종합사회복지관');
    expect(await h.say('@"이 순자" /member me')).toContain('이 순자');
    expect(await h.say('@@새사람 /member me')).toContain('#8 새사람');
  });

  it('retired members are not voters, not counted as missing RSVPs, and get no DMs', async () => {
    await h.say('/member retire 최위원 reason=퇴직 confirm=yes');
    expect(await h.say('/poll create question="예산안" voters=list:최위원 deadline=2026-12-01 18:00')).toContain('투표권자로 넣을 수 없습니다');
    const poll = await h.say('/poll create question="예산안" voters=org:모라3동행정복지센터 deadline=2026-12-01 18:00');
    expect(poll).toContain('0/2');
  });
});

describe('roster refusals write nothing', () => {
  const cases: [string, string, RegExp | string][] = [
    ['staff edits someone else', '@홍길동 /member edit 최위원 position=팀장', '본인, 그 기관의 기관장, 코디네이터, 관리자만'],
    ['a member moves themselves', '@홍길동 /member edit 홍길동 org=행복종합사회복지관', '본인, 그 기관의 기관장'],
    ['nothing to edit', '/member edit 홍길동', '바꿀 값을 적어 주세요'],
    ['bad e-mail', '/member edit 홍길동 email=hong@', '`email` 형식이 올바르지 않습니다'],
    ['unknown member', '/member edit 없는사람 position=팀장', '그 이름이나 #번호의 구성원을 찾을 수 없습니다'],
    ['a head of another organisation retires', '@박관장 /member retire 홍길동 reason=퇴직 confirm=yes', '본인, 그 기관의 기관장'],
    ['staff retires', '@홍길동 /member retire 최위원 reason=퇴직 confirm=yes', '역할만 쓸 수 있습니다'],
    ['retire without a reason', '/member retire 홍길동', '`reason` 값이 빠졌습니다'],
    ['retire with an unknown reason', '/member retire 홍길동 reason=여행', '`reason` 값을 알 수 없습니다'],
    ['retire to active', '/member retire 홍길동 reason=재직 confirm=yes', '퇴직·휴직·전출·파견 가운데 이유'],
    ['reactivate an active member', '/member reactivate 홍길동', '이미 재직 중입니다'],
    ['merge a record with itself', '/member merge 홍길동 #2 confirm=yes', '같은 구성원끼리는 합칠 수 없습니다'],
    ['staff merges', '@홍길동 /member merge #2 #3 confirm=yes', '역할만 쓸 수 있습니다'],
    ['rename to a taken name', '/org rename 행복종합사회복지관 name=모라3동행정복지센터', '이미 #1로 등록되어 있습니다'],
    ['rename to the same name', '/org rename 행복종합사회복지관 name=행복종합사회복지관', '이미 행복종합사회복지관(이)라는 이름입니다'],
    ['remove an organisation with members', '/org remove 모라3동행정복지센터 confirm=yes', '재직 중인 구성원 3명'],
    ['remove a council with sitting members', '/org remove 모라3동지역사회보장협의체 confirm=yes', '임기 중인 협의체 위원 2명'],
    ['unlink an unknown partnership', '/org unlink 99 confirm=yes', '99'],
    ['staff unlinks', '@홍길동 /org unlink 1 confirm=yes', '역할만 쓸 수 있습니다'],
    ['dismiss someone without a seat', '/council dismiss 홍길동 council=모라3동지역사회보장협의체 confirm=yes', '지금 모라3동지역사회보장협의체의 위원이 아닙니다'],
    ['council list of a non-council', '/council list 모라3동행정복지센터', '보장협의체가 아닙니다'],
    ['bad list role', '/member list role=사장', '`role` 값을 알 수 없습니다'],
  ];
  it.each(cases)('%s', async (_name, line, fragment) => {
    await h.say('@홍길동 /member me');
    await h.say('@박관장 /member me');
    const before = await roster();
    const out = await h.say(line);
    expect(out.startsWith('✖')).toBe(true);
    expect(out).toMatch(fragment);
    expect(await roster()).toEqual(before);
  });

  it('the last admin cannot be retired, and nobody retires themselves', async () => {
    await h.say('/member role 김코디 coordinator,admin');
    await h.say('@김코디 /member me');
    const before = await roster();
    expect(await h.say('@김코디 /member retire 김코디 reason=퇴직 confirm=yes')).toContain('자기 자신을');
    expect(await roster()).toEqual(before);
  });
});
