// Staff transfers through the console simulator: preview and confirm, the
// introduction to every partner of the post once, the directory change on the
// effective date, the handover checklist with its reminders, edits that
// re-plan, cancellation that leaves nothing, and refusals that write nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rowCounts } from '../../support/db-snapshot.ts';
import { createHarness, type Harness } from '../../support/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ simulated: true }); // 2026-11-25 10:00 KST
  await h.run(
    '/org add 행정복지센터 모라3동행정복지센터 dong=모라3동 sigungu=사상구',
    '/org add 행정복지센터 덕포1동행정복지센터 dong=덕포1동 sigungu=사상구',
    '/org add 사회복지관 행복종합사회복지관 dong=모라3동 sigungu=사상구',
    '/org add 보장협의체 모라3동지역사회보장협의체 dong=모라3동',
    '/org link 행복종합사회복지관 모라3동행정복지센터 kind=거점',
    '/org link 모라3동지역사회보장협의체 모라3동행정복지센터 kind=동협의체',
    '/member add 김주무관 org=모라3동행정복지센터 position=주무관 phone=051-310-1111 email=kim@sasang.go.kr',
    '/member add 이주무관 org=덕포1동행정복지센터 position=주무관 phone=051-310-2222 email=lee@sasang.go.kr',
    '/member add 모라동장 org=모라3동행정복지센터 position=동장 role=기관장',
    '/member add 박관장 org=행복종합사회복지관 position=관장 role=기관장',
    '/member add 최실무 org=행복종합사회복지관',
    '/council seat 모라동장 council=모라3동지역사회보장협의체 seat=공공위원장 from=2026-01-01',
    '/council seat 김주무관 council=모라3동지역사회보장협의체 seat=위원 from=2026-01-01',
    '#복지관 /channel bind 행복종합사회복지관',
    '#협의체 /channel bind 모라3동지역사회보장협의체',
    '#모라3동 /channel bind 모라3동행정복지센터',
    '/meetup create title="모라3동 민관 정례모임" org=행복종합사회복지관 with=모라3동행정복지센터 repeat="매월 넷째 목요일" start=2026-12-01 time=14:00',
  );
  // The people speak once, so the console has their DMs.
  for (const name of ['김주무관', '이주무관', '모라동장', '박관장', '최실무']) await h.say(`@${name} /member me`);
});
afterEach(() => h.close());

const CREATE = '@모라동장 /transfer create 김주무관 to=덕포1동행정복지센터 effective=2027-01-01 successor=이주무관';

/** Posts printed since `from` (the console transport's output). */
const printedSince = (from: number) => h.consoleOutput().slice(from);
const count = (text: string, fragment: string) => text.split(fragment).length - 1;

describe('a transfer from preview to handover', () => {
  it('announces once to every partner, changes the roster on the date, and follows the checklist', async () => {
    const preview = await h.say(CREATE);
    expect(preview).toContain('■ 인사이동 #1 미리 보기');
    expect(preview).toContain('아직 아무에게도 알리지 않았습니다');
    expect(preview).toContain('알릴 곳: 모라3동행정복지센터, 행복종합사회복지관, 모라3동지역사회보장협의체');
    expect(await h.db.job.count({ where: { group: 'transfer:1' } })).toBe(0);

    const start = h.consoleOutput().length;
    expect(await h.say('@모라동장 1')).toContain('✔ 인사이동 #1(김주무관, 2027-01-01)을(를) 확정했습니다');
    await h.say('/clock +1m');
    const posted = printedSince(start);
    for (const channel of ['#모라3동', '#복지관', '#협의체']) expect(count(posted, `[→ ${channel}]\n■ 인사이동 안내: 모라3동행정복지센터 주무관`)).toBe(1);
    expect(posted).toContain('후임: 이주무관 주무관 · 051-310-2222 · lee@sasang.go.kr');
    expect(posted).toContain('그동안 함께해 주신 김주무관 님께 감사드립니다.');
    // The incoming person is introduced to the partners of the new post (덕포1동 has no channel bound: nothing to post there).
    expect(posted).toContain('[DM → 김주무관]\n■ 인수인계 #1: 김주무관 → 이주무관');
    expect(posted).toContain('[DM → 이주무관]\n■ 인수인계 #1: 김주무관 → 이주무관');

    // A second run of the announcement job sends nothing again.
    const again = h.consoleOutput().length;
    await h.say('/clock +1d');
    expect(printedSince(again)).not.toContain('인사이동 안내');

    expect(await h.say('@김주무관 /transfer tick 1 1')).toContain('✔ 1. 협력 기관: 행복종합사회복지관 · 박관장 관장');
    await h.say('/clock 2027-01-01 09:00');
    const org = await h.say('/org show 모라3동행정복지센터');
    expect(org).toContain('구성원: 2'); // 이주무관 in, 김주무관 out, 모라동장
    expect(await h.say('/member show 이주무관')).toContain('소속: 모라3동행정복지센터 (#1)');
    expect(await h.say('/member show 김주무관')).toContain('소속: 덕포1동행정복지센터 (#2)');
    const council = await h.say('/council list 모라3동지역사회보장협의체');
    expect(council).toContain('위원 이주무관 (모라3동행정복지센터) · 2027-01-01~2027-12-31');
    expect(council).not.toContain('김주무관');
    const meetup = await h.say('/meetup show 1');
    expect(meetup).toContain('이주무관');
    expect(meetup).not.toContain('김주무관');

    // D+3: open items are reminded; after everything is ticked and received, nothing more.
    const d3 = h.consoleOutput().length;
    await h.say('/clock 2027-01-04 09:30');
    expect(printedSince(d3)).toContain('[DM → 김주무관]\n■ 인수인계 #1');
    await h.say('@김주무관 /transfer tick 1 모두');
    expect(await h.say('@이주무관 /transfer received 1')).toContain('인수를 확인했습니다');
    const d7 = h.consoleOutput().length;
    await h.say('/clock 2027-01-20 09:30');
    expect(printedSince(d7)).not.toContain('인수인계 #1');
    expect(await h.say('/transfer show 1')).toContain('인수인계: 3/3 넘김 · 인수 확인됨');
  });

  it('editing the date re-plans; cancelling drops every job and changes nothing on the old date', async () => {
    await h.say(CREATE);
    await h.say('@모라동장 /transfer confirm 1');
    await h.say('@모라동장 /transfer edit 1 effective=2027-01-04');
    const keys = (await h.db.job.findMany({ where: { group: 'transfer:1', status: 'pending' } })).map((j) => j.key);
    expect(keys).toContain('transfer:1:apply:2027-01-04');
    expect(keys).not.toContain('transfer:1:apply:2027-01-01');
    expect(await h.say('@모라동장 /transfer cancel 1')).toContain('취소했습니다');
    expect(await h.db.job.count({ where: { group: 'transfer:1', status: 'pending' } })).toBe(0);
    await h.say('/clock 2027-01-05 09:00');
    expect(await h.say('/member show 김주무관')).toContain('소속: 모라3동행정복지센터 (#1)');
    expect(await h.say('@모라동장 /transfer cancel 1')).toContain('이미 취소되었습니다');
  });

  it('a member plans their own move; the head approves; no successor three working days before asks the head', async () => {
    const preview = await h.say('@김주무관 /transfer create 김주무관 leave=휴직 effective=2027-01-04');
    expect(preview).toContain('확인을 누르면 기관장에게 확인을 요청합니다');
    const start = h.consoleOutput().length;
    expect(await h.say('@김주무관 /transfer confirm 1')).toContain('기관장에게 보냈습니다');
    await h.say('/clock +1m');
    expect(printedSince(start)).toContain('[DM → 모라동장]\n■ 김주무관 님의 인사이동 확인 요청');
    expect(await h.say('@김주무관 /transfer approve 1')).toContain('✖');
    expect(await h.say('@모라동장 /transfer approve 1')).toContain('확정했습니다');
    const before = h.consoleOutput().length;
    await h.say('/clock 2026-12-29 09:30');
    expect(printedSince(before)).toContain('[DM → 모라동장]\n■ 김주무관 님의 후임이 아직 없습니다');
    await h.say('/clock 2027-01-04 09:00');
    expect(await h.say('/member show 김주무관')).toContain('상태: 휴직');
  });
});

describe('a draft is not a handover yet', () => {
  it('refuses received, tick and item before the confirm, then allows them', async () => {
    await h.say(CREATE); // #1, a draft: nothing announced, nobody told
    await h.db.transferItem.create({ data: { transferId: 1, kind: 'duty', label: '사례회의 자료 공유 폴더', createdAt: new Date() } });
    for (const line of ['@이주무관 /transfer received 1', '@김주무관 /transfer tick 1 1', '@김주무관 /transfer item 1 사례회의 자료 넘기기']) {
      const before = await rowCounts(h.db);
      const out = await h.say(line);
      expect(out).toBe('✖ 인사이동 #1은(는) 아직 확정되지 않았습니다. 먼저 확정하세요: /transfer confirm 1');
      expect(await rowCounts(h.db)).toEqual(before);
    }
    expect(await h.db.transfer.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ receivedAt: null });
    expect(await h.db.transferItem.count({ where: { transferId: 1, doneAt: { not: null } } })).toBe(0);

    await h.say('@모라동장 /transfer confirm 1');
    expect(await h.say('@김주무관 /transfer item 1 사례회의 자료 넘기기')).not.toContain('✖');
    expect(await h.say('@김주무관 /transfer tick 1 1')).toContain('✔ 1.');
    expect(await h.say('@이주무관 /transfer received 1')).toContain('인수를 확인했습니다');
  });
});

describe('transfer refusals write nothing', () => {
  const cases: [string, string, string][] = [
    ['unknown member', '/transfer create 없는사람 to=덕포1동행정복지센터 effective=2027-01-01', '그 이름이나 #번호의 구성원을 찾을 수 없습니다'],
    ['a date in the past', '/transfer create 김주무관 to=덕포1동행정복지센터 effective=2026-11-01', '이미 지났습니다'],
    ['successor = predecessor', '/transfer create 김주무관 to=덕포1동행정복지센터 effective=2027-01-01 successor=김주무관', '후임은 옮기는 사람과 다른 사람'],
    ["someone else's staff without the role", '@최실무 /transfer create 김주무관 to=덕포1동행정복지센터 effective=2027-01-01', '본인, 그 기관의 기관장, 코디네이터, 관리자만'],
    ["another organisation's head", '@박관장 /transfer create 김주무관 to=덕포1동행정복지센터 effective=2027-01-01', '본인, 그 기관의 기관장'],
    ['no destination', '/transfer create 김주무관 effective=2027-01-01', '어디로 가는지 적어 주세요'],
    ['both to= and leave=', '/transfer create 김주무관 to=덕포1동행정복지센터 leave=퇴직 effective=2027-01-01', '함께 쓸 수 없습니다'],
    ['the same post', '/transfer create 김주무관 to=모라3동행정복지센터 effective=2027-01-01', '같은 직위입니다'],
    ['announce after the date', '/transfer create 김주무관 to=덕포1동행정복지센터 effective=2027-01-01 announce="2027-01-05 09:00"', '발령일 2027-01-01 뒤입니다'],
    ['unknown transfer', '/transfer confirm 9', '인사이동 #9을(를) 찾을 수 없습니다'],
    ['a bad leave reason', '/transfer create 김주무관 leave=여행 effective=2027-01-01', '`leave` 값을 알 수 없습니다'],
  ];
  it.each(cases)('%s', async (_name, line, fragment) => {
    const before = await rowCounts(h.db);
    const out = await h.say(line);
    expect(out.startsWith('✖')).toBe(true);
    expect(out).toContain(fragment);
    expect(await rowCounts(h.db)).toEqual(before);
  });
});
