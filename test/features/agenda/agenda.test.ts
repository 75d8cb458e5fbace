// Case-conference agendas through the console simulator: two agencies bring
// items (one case from both), refusals for a phone number, a resident's name
// and no consent, the reminder to the silent agency, the compiled agenda with
// the joint case once, decisions, the follow-up on its date, retention.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rowCounts } from '../../support/db-snapshot.ts';
import { createHarness, type Harness } from '../../support/harness.ts';
import { scheduleRetention } from '../../../src/features/agenda/jobs.ts';

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ simulated: true }); // 2026-11-25 10:00 KST
  await h.run(
    '/org add 행정복지센터 모라3동행정복지센터 dong=모라3동 sigungu=사상구',
    '/org add 사회복지관 행복종합사회복지관 dong=모라3동 sigungu=사상구',
    '/org add 기타 사상구정신건강복지센터 sigungu=사상구',
    '/member add 김주무관 org=모라3동행정복지센터 position=주무관',
    '/member add 박복지사 org=행복종합사회복지관 position=사회복지사',
    '/member add 최요원 org=사상구정신건강복지센터',
    '/member add 이동장 org=모라3동행정복지센터 role=기관장',
    '#모라3동 /channel bind 모라3동행정복지센터',
    '#복지관 /channel bind 행복종합사회복지관',
    '/meetup create title="모라3동 통합사례회의" org=모라3동행정복지센터 with=행복종합사회복지관,사상구정신건강복지센터 repeat="매월 둘째 목요일" start=2026-12-01 time=14:00',
  );
  await h.say('/member add 외부인');
  for (const name of ['김주무관', '박복지사', '최요원', '이동장', '외부인']) await h.say(`@${name} /member me`);
});
afterEach(() => h.close());

const since = (from: number) => h.consoleOutput().slice(from);
const ADD_KIM = '@김주무관 /agenda add 1 case=2026-모라3-014 stage=사정 type=고난도 risk=고 needs=주거,경제 summary="월세 3개월 체납" question="긴급 주거비 연계" consent=yes';
const ADD_PARK = '@박복지사 /agenda add 1 case=2026-모라3-014 stage=개입 risk=고 needs=주거 question="후원 연계" consent=yes';

describe('a case conference from intake to follow-up', () => {
  it('intake, refusals, a joint case, the reminder, the compiled agenda, a decision and its follow-up', async () => {
    let mark = h.consoleOutput().length;
    await h.say('/clock 2026-12-03 09:30');
    expect(since(mark)).toContain('[→ #복지관]\n■ 안건 접수 시작: 「모라3동 통합사례회의」 2026-12-10');

    expect(await h.say(ADD_KIM)).toContain('안건 #1(2026-모라3-014)을(를) 올렸습니다.');
    mark = h.consoleOutput().length;
    expect(await h.say(ADD_PARK)).toContain('공동 안건 #1(으)로 합쳤습니다');
    await h.say('/clock +1m');
    expect(since(mark)).toContain('[→ #모라3동]\n■ 공동 사례: 2026-모라3-014\n이 사례(2026-모라3-014)는 행복종합사회복지관도 올렸습니다.');

    const before = await rowCounts(h.db);
    expect(await h.say('@박복지사 /agenda add 1 case=2026-모라3-021 stage=접수 risk=중 needs=건강 summary="보호자 010-1234-5678 연락 안 됨" consent=yes')).toContain('개인 휴대전화 번호');
    expect(await h.say('@박복지사 /agenda add 1 case=2026-모라3-020 stage=접수 risk=중 needs=건강 summary="김영희 어르신 건강 악화" consent=yes')).toContain('주민 이름');
    expect(await h.say('@박복지사 /agenda add 1 case=2026-모라3-022 stage=접수 risk=저 needs=가족 consent=no')).toContain('정보제공 동의');
    expect(await rowCounts(h.db)).toEqual(before);

    // Each agency sees only its own items; the chair sees all.
    expect(await h.say('@박복지사 /agenda add 1 case=2026-모라3-023 stage=계획 type=긴급 risk=중 needs=안전 question="야간 안전 확인" consent=yes')).toContain('안건 #2');
    expect(await h.say('@박복지사 /agenda list 1')).toContain('우리 기관 안건 2건');
    expect(await h.say('@최요원 /agenda list 1')).toContain('올라온 안건이 없습니다');
    expect(await h.say('@김주무관 /agenda list 1')).toContain('안건 2건 (전체)'); // the organiser's staff chair

    // The silent agency is reminded by DM, once, before the close.
    mark = h.consoleOutput().length;
    await h.say('/clock 2026-12-09 17:30');
    const closing = since(mark);
    expect(closing.split('[DM → 최요원]\n「모라3동 통합사례회의」 2026-12-10 회의에 사상구정신건강복지센터의 안건이 아직 없습니다').length - 1).toBe(1);
    expect(closing).not.toContain('[DM → 김주무관]\n「모라3동 통합사례회의」 2026-12-10 회의에');
    // The compiled agenda: the emergency first, the joint case once with both agencies, the silent agency named.
    const compiled = closing.slice(closing.indexOf('[→ #모라3동]\n■ 「모라3동 통합사례회의」 2026-12-10 안건 (2건)'));
    expect(compiled).toContain('1. 2026-모라3-023 · 계획 · 긴급 · 위기도 중 · 안전 · 행복종합사회복지관');
    expect(compiled).toContain('2. 2026-모라3-014 · 사정 · 고난도 · 위기도 고 · 주거, 경제 · 모라3동행정복지센터 + 행복종합사회복지관');
    expect(compiled).toContain('안건을 올리지 않은 기관: 사상구정신건강복지센터');

    // Late: waits for the chair, who takes it as an addendum; the agenda is posted again.
    expect(await h.say('@최요원 /agenda add 1 case=2026-모라3-030 stage=사정 risk=중 needs=건강 consent=yes')).toContain('여는 기관의 확인을 기다립니다');
    mark = h.consoleOutput().length;
    expect(await h.say('@이동장 /agenda accept 3')).toContain('추가 안건으로 받았습니다');
    await h.say('/clock +1m');
    expect(since(mark)).toContain('(추가 안건)');

    const file = await h.say('@이동장 /agenda export 1 format=md');
    expect(file).toContain('| 1 | 2026-모라3-023 |');
    expect(file).not.toContain('010-');

    await h.say('/clock 2026-12-10 16:00');
    expect(await h.say('@이동장 /agenda decide 1 decision=선정 lead=모라3동행정복지센터 roles="복지관: 후원 연계" next=2026-12-24')).toContain('안건 #1(2026-모라3-014): 선정, 다음 점검 2026-12-24.');
    expect(await h.say('/case show 2026-모라3-014')).toContain('결정 선정 · 다음 점검 2026-12-24');
    mark = h.consoleOutput().length;
    await h.say('/clock 2026-12-24 10:00');
    expect(since(mark)).toContain('[→ #모라3동]\n■ 사례 점검일: 2026-모라3-014');
    expect(await h.say('@김주무관 /case list')).toContain('#1 2026-모라3-014 · 점검일 2026-12-24 · 선정');
    expect(await h.say('@김주무관 /case done 1')).toContain('점검을 마쳤습니다');
    mark = h.consoleOutput().length;
    await h.say('/clock 2026-12-28 10:00');
    expect(since(mark)).not.toContain('점검이 밀린 사례');
  });

  it('summaries and questions are deleted after the retention time; codes, decisions and dates stay', async () => {
    await scheduleRetention(h.app.context()); // what the bot's start does
    await h.say('/clock 2026-12-03 09:30');
    await h.say(ADD_KIM);
    await h.say('/clock 2027-03-15 09:00');
    const item = await h.db.agendaItem.findUniqueOrThrow({ where: { id: 1 } });
    expect([item.summary, item.question, item.caseCode, item.stage]).toEqual([null, null, '2026-모라3-014', 'assessment']);
    expect(item.purgedAt).not.toBeNull();
  });
});

describe('case history is for the agencies at its meetings', () => {
  it('an agency that was not at the meeting gets the unknown-code answer; participants and coordinators see it', async () => {
    await h.run(
      '/org add 행정복지센터 덕포1동행정복지센터 dong=덕포1동 sigungu=사상구',
      '/member add 남주무관 org=덕포1동행정복지센터 position=주무관',
      '/member add 김코디 role=코디네이터',
      '@남주무관 /member me',
      '@김코디 /member me',
    );
    await h.say('/clock 2026-12-03 09:30');
    await h.say(ADD_KIM);
    await h.say('/clock 2026-12-10 16:00');
    await h.say('@이동장 /agenda decide 1 decision=선정 lead=모라3동행정복지센터 next=2026-12-24');

    const unknown = await h.say('@남주무관 /case show 2026-모라3-099');
    expect(unknown).toBe('그 사례번호는 아직 어느 회의에도 올라오지 않았습니다. 안건에 적은 사례번호 그대로 적어 주세요. 예: /case show 2026-모라3-014');
    // Not at the meeting: the same answer as for a code never seen, so not even the case's existence shows.
    expect(await h.say('@남주무관 /case show 2026-모라3-014')).toBe(unknown);
    expect(await h.say('@외부인 /case show 2026-모라3-014')).toBe(unknown);
    // The proposing agency, a participating one that brought nothing, the district coordinator.
    for (const who of ['@김주무관', '@최요원', '@김코디']) expect(await h.say(`${who} /case show 2026-모라3-014`)).toContain('결정 선정 · 다음 점검 2026-12-24');
  });
});

describe('agenda refusals write nothing', () => {
  const cases: [string, string, string][] = [
    ['before the intake opens', ADD_KIM, '안건 접수는'],
    ['an agency not taking part', '@외부인 /agenda add 1 case=2026-모라3-014 stage=사정 risk=고 needs=주거 consent=yes', '만 안건을 올립니다'],
    ['a case code in the wrong format', '@김주무관 /agenda add 1 case=홍길동 stage=사정 risk=고 needs=주거 consent=yes', '사례번호가 이 지역의 형식에 맞지 않습니다'],
    ['an unknown need area', '@김주무관 /agenda add 1 case=2026-모라3-014 stage=사정 risk=고 needs=여행 consent=yes', '`needs`에 알 수 없는 욕구 영역이 있습니다'],
    ['an unknown risk level', '@김주무관 /agenda add 1 case=2026-모라3-014 stage=사정 risk=최고 needs=주거 consent=yes', '위기도는 고, 중, 저'],
    ['a meetup without an agenda', '/agenda list 9', '모임 #9을(를) 찾을 수 없습니다'],
    ['the whole agenda for a non-chair', '@박복지사 /agenda show 1', '여는 기관과 코디네이터만'],
    ['a decision by a non-chair', '@박복지사 /agenda decide 1 decision=선정', '안건 #1을(를) 찾을 수 없습니다'],
  ];
  it.each(cases)('%s', async (name, line, fragment) => {
    if (name !== 'before the intake opens') await h.say('/clock 2026-12-03 09:30');
    const before = await rowCounts(h.db);
    const out = await h.say(line);
    expect(out.startsWith('✖')).toBe(true);
    expect(out).toContain(fragment);
    // Only the lazily planned agenda row of the meeting (and its jobs) may appear.
    const after = await rowCounts(h.db);
    expect({ ...after, Agenda: 0, Job: 0 }).toEqual({ ...before, Agenda: 0, Job: 0 });
  });
});
