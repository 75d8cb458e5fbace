// Meetups typed the Korean way, and the small truths: kind from the title, a
// first date moved for a holiday said at creation, RSVP only for participants
// (or guests on purpose), restore after cancel, cancelling twice.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rowCounts } from '../../support/db-snapshot.ts';
import { createHarness, type Harness } from '../../support/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await createHarness(); // 2026-11-25 (Wed) 10:00 KST
  await h.run(
    '/org add 사회복지관 행복종합사회복지관 dong=모라3동',
    '/org add 행정복지센터 모라3동행정복지센터 dong=모라3동',
    '/org add 행정복지센터 덕포1동행정복지센터 dong=덕포1동',
    '/member add 김민수 org=모라3동행정복지센터',
    '/member add 박영희 org=행복종합사회복지관',
    '/member add 최덕포 org=덕포1동행정복지센터',
    '@김민수 /member me',
    '@박영희 /member me',
    '@최덕포 /member me',
  );
});
afterEach(() => h.close());

describe('meetups in Korean', () => {
  it('dates, times, durations, repeat and reminders without quotes; kind from the title; absolute dates echoed', async () => {
    const out = await h.say(
      '/meetup create title=통합사례회의 org=행복종합사회복지관 with=모라3동행정복지센터 repeat=매월 셋째주 화요일 start=다음주 화요일 time=오후 2시 duration=1시간 30분 remind=1일 전, 1시간 전',
    );
    expect(out).toContain('통합사례회의 #1 「통합사례회의」을(를) 만들었습니다 (매월 셋째 화요일, 14:00)');
    expect(out).toContain('종류는 제목을 보고 「통합사례회의」(으)로 정했습니다');
    expect(out).toContain('다음 일정: 2026-12-15 (화) 14:00–15:30');
    const show = await h.say('/meetup show 1');
    expect(show).toContain('알림: 1일 전, 1시간 전');
    expect(show).toContain('(90′)');
    expect(await h.say('/meetup list from=12월 1일 to=12/31')).toContain('모임 일정 2026-12-01 ~ 2026-12-31 (1건)');
  });

  it('a title without a hint is a 정례모임; 격주 and the last day of the month are understood', async () => {
    expect(await h.say('/meetup create title=민관모임 org=행복종합사회복지관 repeat=격주 목요일 start=내일 time=14시')).toContain(
      '정례모임 #1 「민관모임」을(를) 만들었습니다 (격주 목요일, 14:00)',
    );
    expect(await h.say('/meetup create title=월말정산 kind=기타 org=행복종합사회복지관 repeat=매월 말일 start=2026-12-01 time=오전 10시')).toContain(
      '(매월 말일, 10:00)',
    );
  });

  it('says when the first date moved for a holiday (or is skipped)', async () => {
    const moved = await h.say('/meetup create title=성탄모임 org=행복종합사회복지관 repeat=매월 25일 start=12월 1일 time=14:00');
    expect(moved).toContain('첫 일정 2026-12-25 (금)은(는) 성탄절이라 2026-12-28 (월)로 옮겼습니다 (공휴일 규칙: 다음 평일)');
    const skipped = await h.say('/meetup create title=성탄모임2 org=행복종합사회복지관 repeat=매월 25일 start=12월 1일 time=14:00 holiday=건너뜀');
    expect(skipped).toContain('첫 일정 2026-12-25 (금)은(는) 성탄절이라 건너뜁니다');
  });

  it('RSVP counts participants; others are told they are not invited, or come as guests on purpose', async () => {
    await h.say('/meetup create title=정례모임 org=행복종합사회복지관 with=모라3동행정복지센터 repeat=매주 수요일 start=2026-12-01 time=14:00');
    const before = await rowCounts(h.db);
    const refused = await h.say('@최덕포 /meetup rsvp 1 참가');
    expect(refused).toContain('모임 #1 「정례모임」에는 행복종합사회복지관, 모라3동행정복지센터이(가) 함께합니다');
    expect(refused).toContain('/meetup edit 1 with=<기관>');
    expect(refused).toContain('guest=yes');
    expect(await rowCounts(h.db)).toEqual(before);

    expect(await h.say('@김민수 /meetup rsvp 1 참여')).toContain('참석 1 · 불참 0 · 미정 0 · 미응답 1');
    const guest = await h.say('@최덕포 /meetup rsvp 1 참석 guest=yes');
    expect(guest).toContain('「참석」(으)로 답했습니다. (손님으로)');
    expect(guest).toContain('참석 1 · 불참 0 · 미정 0 · 미응답 1');
    expect(guest).toContain('손님 참석 1: 최덕포');
    expect(await h.say('@박영희 /meetup rsvp 1 불참석')).toContain('참석 1 · 불참 1 · 미정 0 · 미응답 0');

    // Added to the series: no longer a guest.
    await h.say('/meetup edit 1 with=덕포1동행정복지센터');
    expect(await h.say('@최덕포 /meetup rsvp 1 참석')).toContain('참석 2 · 불참 1 · 미정 0 · 미응답 0');
  });

  it('cancel, cancel again, restore; the same for one occurrence; refusals write nothing', async () => {
    await h.say('/meetup create title=정례모임 org=행복종합사회복지관 repeat=매주 수요일 start=2026-12-01 time=14:00');
    expect(await h.say('/meetup cancel 1 on=12월 9일')).toContain('모임 #1의 2026-12-09 일정을 취소했습니다');
    let before = await rowCounts(h.db);
    expect(await h.say('/meetup cancel 1 on=2026-12-09')).toContain('2026-12-09 일정은 이미 취소되었습니다');
    expect(await h.say('/meetup restore 1 on=2026-12-16')).toContain('취소된 2026-12-16 일정이 없습니다');
    expect(await h.say('/meetup restore 1')).toContain('모임 #1은(는) 취소된 모임이 아닙니다');
    expect(await h.say('@최덕포 /meetup restore 1 on=2026-12-09')).toContain('자기 기관이 여는 모임만');
    expect(await h.say('/meetup restore 9')).toContain('모임 #9을(를) 찾을 수 없습니다');
    expect(await rowCounts(h.db)).toEqual(before);
    expect(await h.say('/meetup restore 1 on=12/9')).toContain('모임 #1의 2026-12-09 일정을 되살렸습니다: 2026-12-09 (수) 14:00');

    expect(await h.say('/meetup cancel 1')).toContain('모임 #1 「정례모임」을(를) 취소했습니다');
    before = await rowCounts(h.db);
    expect(await h.say('/meetup cancel 1')).toContain('모임 #1은(는) 이미 취소되었습니다');
    expect(await h.say('@박영희 /meetup rsvp 1 참석')).toContain('취소된 모임입니다');
    expect(await rowCounts(h.db)).toEqual(before);
    expect(await h.say('/meetup restore 1')).toContain('모임 #1 「정례모임」을(를) 다시 열었습니다');
    expect(await h.say('/meetup list')).toContain('#1 정례모임');
  });

  it('refuses bad Korean input without writing anything, naming the Korean forms', async () => {
    const before = await rowCounts(h.db);
    for (const [line, fragment] of [
      ['/meetup create title=x org=행복종합사회복지관 repeat=가끔 start=내일 time=14:00', '`repeat`의 반복 규칙을 알 수 없습니다'],
      ['/meetup create title=x org=행복종합사회복지관 repeat=한 번 start=내일 time=오후 25시', '`time` 값을 시각으로 읽을 수 없습니다'],
      ['/meetup create title=x org=행복종합사회복지관 repeat=한 번 start=12월 32일 time=14:00', '`start` 값을 날짜로 읽을 수 없습니다'],
      ['/meetup create title=x org=행복종합사회복지관 repeat=한 번 start=내일 time=14:00 duration=하루종일', '모임 길이(`duration`)를 알 수 없습니다'],
      ['/meetup create title=x org=행복종합사회복지관 repeat=한 번 start=내일 time=14:00 remind=3일 후', '`remind`의 알림 시각을 알 수 없습니다'],
      ['/meetup create title=x kind=회식 org=행복종합사회복지관 repeat=한 번 start=내일 time=14:00', '정례모임(regular), 동장–관장 간담회(heads)'],
    ] as const) {
      expect(await h.say(line)).toContain(fragment);
    }
    expect(await rowCounts(h.db)).toEqual(before);
  });
});
