// Weekly digests through the console simulator: a 동장's and a 관장's week
// with meetings, a poll, a transfer and an overdue follow-up; `/digest now`
// is what Monday sends; a holiday Monday moves it; off and time settings.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scheduleDigestPlan } from '../../../src/features/digests/jobs.ts';
import { rowCounts } from '../../support/db-snapshot.ts';
import { createHarness, type Harness } from '../../support/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ simulated: true, now: '2026-11-29T23:00:00Z' }); // Monday 2026-11-30 08:00 KST
  await h.run(
    '/org add 행정복지센터 모라3동행정복지센터 dong=모라3동 sigungu=사상구',
    '/org add 행정복지센터 덕포1동행정복지센터 dong=덕포1동 sigungu=사상구',
    '/org add 사회복지관 행복종합사회복지관 dong=모라3동 sigungu=사상구',
    '/org add 보장협의체 모라3동지역사회보장협의체 dong=모라3동 sigungu=사상구',
    '/org add 희망복지지원단 사상구희망복지지원단 sigungu=사상구',
    '/org link 행복종합사회복지관 모라3동행정복지센터 kind=거점',
    '/org link 모라3동지역사회보장협의체 모라3동행정복지센터 kind=동협의체',
    '/member add 모라동장 org=모라3동행정복지센터 position=동장 role=기관장',
    '/member add 박관장 org=행복종합사회복지관 position=관장 role=기관장',
    '/member add 김주무관 org=모라3동행정복지센터 position=주무관',
    '/member add 이주무관 org=덕포1동행정복지센터 position=주무관',
    '/member add 정코디 org=사상구희망복지지원단 role=코디네이터',
    '/member add 최위원',
    '/council seat 모라동장 council=모라3동지역사회보장협의체 seat=공공위원장 from=2026-01-01',
    '/council seat 최위원 council=모라3동지역사회보장협의체 seat=위원 from=2026-01-01',
    '/meetup create title="모라3동 민관 정례모임" org=행복종합사회복지관 with=모라3동행정복지센터 repeat="매주 목요일" start=2026-11-26 time=14:00',
    '/poll create question="2027 특화사업 선정" voters=council:모라3동지역사회보장협의체 kind=찬반 deadline="12월 4일 18:00"',
  );
  for (const name of ['모라동장', '박관장', '김주무관', '정코디']) await h.say(`@${name} /member me`);
  await h.say('@김주무관 /meetup rsvp 1 참석');
  await h.say('@모라동장 /transfer create 김주무관 to=덕포1동행정복지센터 effective=2026-12-07 successor=이주무관');
  await h.say('@모라동장 /transfer confirm 1');
  // A case whose follow-up (lead: the dong office) was due last week.
  const series = await h.db.meetupSeries.findFirstOrThrow();
  const agenda = await h.db.agenda.create({ data: { seriesId: series.id, original: '2026-11-19', opensAt: new Date('2026-11-12T00:00:00Z'), closesAt: new Date('2026-11-18T08:00:00Z'), status: 'closed', createdAt: new Date('2026-11-12T00:00:00Z') } });
  await h.db.agendaItem.create({
    data: { agendaId: agenda.id, caseCode: '2026-모라3-014', stage: 'intervention', type: 'general', risk: '고', needs: 'housing', orgId: 1, leadOrgId: 1, decision: 'selected', nextCheck: '2026-11-27', createdAt: new Date(), updatedAt: new Date() },
  });
});
afterEach(() => h.close());

const since = (from: number) => h.consoleOutput().slice(from);

describe('weekly digests', () => {
  it("a 동장's and a 관장's week; /digest now is what Monday sends", async () => {
    const dong = await h.say('@모라동장 /digest now');
    expect(dong).toContain('■ [민관협력] 12월 1주차 요약 — 모라3동행정복지센터');
    expect(dong).toContain('이번 주 모임: 2026-12-03 (목) 14:00 모라3동 민관 정례모임 · 참석 1 불참 0 미정 0 · 우리 기관 미응답 1명: 모라동장');
    expect(dong).toContain('다음 주 모임: 2026-12-10 (목) 14:00 모라3동 민관 정례모임');
    expect(dong).toContain('진행 중인 협의체 투표: #1 2027 특화사업 선정 · 참여 0/2 · 마감 2026-12-04 18:00');
    expect(dong).toContain('인사이동: 2026-12-07 김주무관: 모라3동행정복지센터 → 덕포1동행정복지센터');
    expect(dong).toContain('사후 점검: 2026-모라3-014 · 점검일 2026-11-27 지남 (/case done 1)');
    expect(dong).not.toMatch(/010-|어르신/);

    const centre = await h.say('@박관장 /digest now');
    expect(centre).toContain('■ [민관협력] 12월 1주차 요약 — 행복종합사회복지관');
    expect(centre).toContain('2026-모라3-014'); // the dong it serves as hub
    expect(centre).not.toContain('진행 중인 협의체 투표'); // not a voter, not a chair
    // New this week, seen from the hub centre: the dong's council and colleagues,
    // not the centre itself (the dong's new partner) nor the reader.
    expect(centre).toContain('협력 기관: 모라3동지역사회보장협의체');
    expect(centre).toContain('구성원: 모라동장');
    expect(centre).not.toContain('협력 기관: 행복종합사회복지관');
    expect(centre).not.toContain('구성원: 박관장');
    expect(dong).toContain('협력 기관: 행복종합사회복지관');
    expect(dong).not.toContain('구성원: 모라동장');

    const district = await h.say('@정코디 /digest now');
    expect(district).toContain('■ [민관협력] 12월 1주차 요약 — 사상구');
    expect(district).toContain('모라3동행정복지센터: 모임 1 · 미제출 0 · 밀린 점검 1');

    await scheduleDigestPlan(h.app.context()); // what the bot's start does
    const mark = h.consoleOutput().length;
    await h.say('/clock 2026-11-30 08:31');
    const sent = since(mark);
    const dm = sent.slice(sent.indexOf('[DM → 모라동장]\n') + '[DM → 모라동장]\n'.length);
    expect(dm.startsWith(dong.split('\n').slice(0, 8).join('\n'))).toBe(true);
    expect(sent).toContain('[DM → 박관장]\n■ [민관협력] 12월 1주차 요약 — 행복종합사회복지관');
    expect(sent).not.toContain('[DM → 김주무관]\n■ [민관협력]'); // staff get no digest
    // Once per week: the walk to next Monday morning sends no second copy of this week's.
    const again = h.consoleOutput().length;
    await h.say('/clock 2026-12-07 07:00');
    expect(since(again)).not.toContain('12월 1주차 요약');
  });

  it('a holiday Monday moves the digest to the next working day; off and time settings hold', async () => {
    await h.say('/holiday add 2026-12-07 기관 휴무');
    await scheduleDigestPlan(h.app.context());
    await h.say('/clock 2026-12-01 09:00');
    let mark = h.consoleOutput().length;
    await h.say('/clock 2026-12-07 23:00');
    expect(since(mark)).not.toContain('12월 2주차 요약');
    mark = h.consoleOutput().length;
    await h.say('/clock 2026-12-08 08:31');
    expect(since(mark)).toContain('[DM → 모라동장]\n■ [민관협력] 12월 2주차 요약 — 모라3동행정복지센터');

    expect(await h.say('@박관장 /digest off')).toContain('주간 요약을 받지 않습니다 (채팅과 이메일)');
    expect(await h.say('@모라동장 /digest time 오전 9시')).toContain('09:00');
    mark = h.consoleOutput().length;
    await h.say('/clock 2026-12-14 08:45');
    expect(since(mark)).not.toContain('[DM → 모라동장]\n■ [민관협력] 12월 3주차');
    await h.say('/clock 2026-12-14 09:01');
    const later = since(mark);
    expect(later).toContain('[DM → 모라동장]\n■ [민관협력] 12월 3주차 요약');
    expect(later).not.toContain('[DM → 박관장]\n■ [민관협력] 12월 3주차');
  });

  it('refusals write nothing', async () => {
    for (const [line, fragment] of [
      ['@김주무관 /digest now', '기관장(동장·관장)과 코디네이터에게'],
      ['@모라동장 /digest preview 박관장', '관리자 역할만'],
      ['@모라동장 /digest time 25:00', '시각으로 읽을 수 없습니다'],
      ['@모라동장 /digest time 09:00 org=행복종합사회복지관', '기관장이나 코디네이터가 정합니다'],
    ] as const) {
      const before = await rowCounts(h.db);
      const out = await h.say(line);
      expect(out.startsWith('✖')).toBe(true);
      expect(out).toContain(fragment);
      expect(await rowCounts(h.db)).toEqual(before);
    }
  });
});
