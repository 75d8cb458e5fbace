// Korean-first input, table by table: every accepted form of a date, a time,
// a duration, a deadline, a reminder list, a repeat phrase and a share, and the
// Korean words of every enumerated value. "Today" is Wednesday 2026-11-25 (Seoul).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import '../../src/features/index.ts';
import { catalogs, matchChoice, translator, type ChoiceGroup } from '../../src/core/i18n/index.ts';
import { parseDateInput, parseDateTimeInput, parseDurationInput, parseTimeInput } from '../../src/core/korean-input.ts';
import { choiceList } from '../../src/core/options.ts';
import { parseText } from '../../src/core/parse.ts';
import { leadsText } from '../../src/features/meetups/cards.ts';
import { parseRecurrence, type Recurrence } from '../../src/features/meetups/recurrence.ts';
import { kindFromTitle, parseLeads } from '../../src/features/meetups/rules.ts';
import { describeRule, shareText } from '../../src/features/polls/cards.ts';
import { parseFraction } from '../../src/features/polls/rules.ts';
import { parseDeadline, parseKind } from '../../src/features/polls/service.ts';

const TODAY = '2026-11-25'; // a Wednesday

describe('dates', () => {
  it.each([
    ['2026-12-24', '2026-12-24'],
    ['2026.12.24', '2026-12-24'],
    ['2026. 12. 24.', '2026-12-24'],
    ['2026/12/24', '2026-12-24'],
    ['2026년 12월 24일', '2026-12-24'],
    ['12/24', '2026-12-24'],
    ['12.24', '2026-12-24'],
    ['12월 24일', '2026-12-24'],
    ['12월24일', '2026-12-24'],
    ['12월 24일(목)', '2026-12-24'],
    ['11/25', '2026-11-25'], // today included
    ['11월 24일', '2027-11-24'], // passed this year: next year
    ['2/29', '2028-02-29'], // the next leap day
    ['오늘', '2026-11-25'],
    ['내일', '2026-11-26'],
    ['모레', '2026-11-27'],
    ['어제', '2026-11-24'],
    ['today', '2026-11-25'],
    ['tomorrow', '2026-11-26'],
    ['이번주 화요일', '2026-11-24'],
    ['이번 주 금요일', '2026-11-27'],
    ['다음주 화요일', '2026-12-01'],
    ['다음 주 화요일', '2026-12-01'],
    ['다음주 수요일', '2026-12-02'],
    ['지난주 금요일', '2026-11-20'],
    ['화요일', '2026-12-01'],
    ['목요일', '2026-11-26'],
    ['수요일', '2026-12-02'], // a weekday alone is after today
    ['금', '2026-11-27'],
    ['fri', '2026-11-27'],
    ['내년 1월 1일', '2027-01-01'],
    ['내년1월1일', '2027-01-01'],
    ['올해 12월 24일', '2026-12-24'],
    ['올해 1월 5일', '2026-01-05'], // past, but the year was said
    ['명년 3/2', '2027-03-02'],
    ['내년 1월 1일(금)', '2027-01-01'],
  ])('%s -> %s', (input, expected) => {
    expect(parseDateInput(input, TODAY)).toBe(expected);
  });

  it.each(['2026-02-30', '13/1', '12월 32일', '2026.13.01', '12월 24일(수)', 'month', '다음달', '24일', '', '내년 2월 29일', '내년', '내년 1월'])('refuses %s', (input) => {
    expect(parseDateInput(input, TODAY)).toBeUndefined();
  });
});

describe('times', () => {
  it.each([
    ['14:00', '14:00'],
    ['9:30', '09:30'],
    ['14시', '14:00'],
    ['14시 30분', '14:30'],
    ['14시30분', '14:30'],
    ['2시', '14:00'], // a bare 1–6시 is the afternoon
    ['9시', '09:00'],
    ['2시 반', '14:30'],
    ['오후 2시', '14:00'],
    ['오후 2시 30분', '14:30'],
    ['오후 2:30', '14:30'],
    ['오후 12시', '12:00'],
    ['오전 9시', '09:00'],
    ['오전 12시', '00:00'],
    ['아침 8시', '08:00'],
    ['저녁 7시', '19:00'],
    ['밤 9시', '21:00'],
    ['낮 1시', '13:00'],
    ['정오', '12:00'],
    ['2pm', '14:00'],
    ['2:30pm', '14:30'],
    ['9 am', '09:00'],
  ])('%s -> %s', (input, expected) => {
    expect(parseTimeInput(input)).toBe(expected);
  });

  it.each(['25:00', '14:60', '오전 13시', '오후', '2', 'noon-ish'])('refuses %s', (input) => {
    expect(parseTimeInput(input)).toBeUndefined();
  });
});

describe('durations (minutes)', () => {
  it.each([
    ['90', 90],
    ['90분', 90],
    ['1시간', 60],
    ['1시간 30분', 90],
    ['1시간30분', 90],
    ['1시간 반', 90],
    ['1.5시간', 90],
    ['1h30m', 90],
    ['1h', 60],
    ['90m', 90],
    ['90min', 90],
  ])('%s -> %d', (input, expected) => {
    expect(parseDurationInput(input)).toBe(expected);
  });

  it.each(['0', '0분', '25시간', '1일', 'long'])('refuses %s', (input) => {
    expect(parseDurationInput(input)).toBeUndefined();
  });
});

describe('deadlines (date and time)', () => {
  const now = new Date('2026-11-25T01:00:00Z'); // 10:00 KST
  it.each([
    ['12월 24일 오후 5시', '2026-12-24', '17:00'],
    ['내일 18:00', '2026-11-26', '18:00'],
    ['2026-12-24 18:00', '2026-12-24', '18:00'],
    ['12/24 17:30', '2026-12-24', '17:30'],
    ['다음주 화요일 오전 10시', '2026-12-01', '10:00'],
    ['12월 24일', '2026-12-24', '18:00'], // a date alone: 18:00
    ['오후 5시', '2026-11-25', '17:00'], // a time alone: today
  ])('%s -> %s %s', (input, date, time) => {
    expect(parseDateTimeInput(input, TODAY)).toEqual({ date, time });
    expect(parseDeadline(input, now).toISOString().slice(0, 10)).toBe(date === '2026-11-25' ? '2026-11-25' : date);
  });

  it('refuses a past deadline and gibberish', () => {
    expect(() => parseDeadline('오전 9시', now)).toThrowError(expect.objectContaining({ key: 'poll.deadlinePast' }));
    expect(() => parseDeadline('언젠가', now)).toThrowError(expect.objectContaining({ key: 'poll.badDeadline' }));
  });
});

describe('phrases with spaces need no quotes', () => {
  it('joins the words that continue a date, time, duration, rule or reminder list', () => {
    const parsed = parseText(
      '/meetup create title=x start=12월 24일 time=오후 2시 30분 duration=1시간 30분 repeat=매월 셋째 주 화요일 remind=7일 전, 1일 전, 1시간 전',
    );
    expect(Object.fromEntries(parsed.named)).toEqual({
      title: 'x',
      start: '12월 24일',
      time: '오후 2시 30분',
      duration: '1시간 30분',
      repeat: '매월 셋째 주 화요일',
      remind: '7일 전, 1일 전, 1시간 전',
    });
    for (const repeat of ['매월 둘째·넷째 화요일', '매월 둘째, 넷째 화요일', '매월 2·4주 화요일', '매달 2,4째주 화요일', '매월 첫째·마지막 금요일']) {
      expect(parseText(`/meetup create title=x repeat=${repeat} time=14:00`).named).toEqual([['title', 'x'], ['repeat', repeat], ['time', '14:00']]);
    }
    expect(Object.fromEntries(parseText('/poll create deadline=내일 18:00 kind=여러개 3 pass=3분의 2 이상').named)).toEqual({
      deadline: '내일 18:00',
      kind: '여러개 3',
      pass: '3분의 2 이상',
    });
  });

  it('keeps other bare words positional', () => {
    expect(parseText('/poll vote 1 proxy=김위원 1,3').words).toEqual(['vote', '1', '1,3']);
    expect(parseText('/meetup rsvp on=다음 주 화요일 3 참석')).toEqual({
      command: 'meetup',
      words: ['rsvp', '3', '참석'],
      named: [['on', '다음 주 화요일']],
    });
  });
});

describe('reminders', () => {
  it.each([
    ['7d,1d,1h', '7d,1d,1h'],
    ['1일전,1시간전', '1d,1h'],
    ['7일 전, 1일 전, 1시간 전', '7d,1d,1h'],
    ['하루 전', '1d'],
    ['1주 전, 30분 전', '7d,30m'],
    ['1h 1d', '1d,1h'],
  ])('%s -> %s', (input, labels) => {
    expect(
      parseLeads(input)
        .map((l) => l.label)
        .join(','),
    ).toBe(labels);
  });

  it('refuses what is not a lead time', () => {
    for (const bad of ['3일 후', '2y', '0d', '1d,2d,3d,4d,5d,6d']) expect(() => parseLeads(bad), bad).toThrow();
  });

  it('shows them in the reader’s language', () => {
    expect(leadsText(translator('ko'), '7d,1d,1h')).toBe('7일 전, 1일 전, 1시간 전');
    expect(leadsText(translator('en'), '7d,1d,30m')).toBe('7d before, 1d before, 30 min before');
  });
});

describe('repeat phrases', () => {
  it.each<[string, Recurrence]>([
    ['매월 셋째주 화요일', { kind: 'monthly-nth', nths: [3], weekday: 1 }],
    ['매월 셋째 주 화요일', { kind: 'monthly-nth', nths: [3], weekday: 1 }],
    ['매달 3번째 화요일', { kind: 'monthly-nth', nths: [3], weekday: 1 }],
    ['매월 둘째 화요일', { kind: 'monthly-nth', nths: [2], weekday: 1 }],
    ['매월 마지막 금요일', { kind: 'monthly-nth', nths: [-1], weekday: 4 }],
    ['매월 마지막 주 금요일', { kind: 'monthly-nth', nths: [-1], weekday: 4 }],
    ['매월 둘째·넷째 화요일', { kind: 'monthly-nth', nths: [2, 4], weekday: 1 }],
    ['매월 둘째, 넷째 화요일', { kind: 'monthly-nth', nths: [2, 4], weekday: 1 }],
    ['매월 2·4주 화요일', { kind: 'monthly-nth', nths: [2, 4], weekday: 1 }],
    ['매월 둘째 넷째 화요일', { kind: 'monthly-nth', nths: [2, 4], weekday: 1 }],
    ['매월 둘째주·넷째주 화요일마다', { kind: 'monthly-nth', nths: [2, 4], weekday: 1 }],
    ['매월 첫째·셋째 목요일', { kind: 'monthly-nth', nths: [1, 3], weekday: 3 }],
    ['매달 2,4째주 화', { kind: 'monthly-nth', nths: [2, 4], weekday: 1 }],
    ['매월 첫째·마지막 금요일', { kind: 'monthly-nth', nths: [1, -1], weekday: 4 }],
    ['매월 마지막·첫째 금요일', { kind: 'monthly-nth', nths: [1, -1], weekday: 4 }],
    ['매월 넷째 및 둘째 화요일', { kind: 'monthly-nth', nths: [2, 4], weekday: 1 }],
    ['every 2nd and 4th Tuesday', { kind: 'monthly-nth', nths: [2, 4], weekday: 1 }],
    ['every 1st, 3rd and last fri of the month', { kind: 'monthly-nth', nths: [1, 3, -1], weekday: 4 }],
    ['every last friday', { kind: 'monthly-nth', nths: [-1], weekday: 4 }],
    ['매주 화요일', { kind: 'weekly', weekday: 1 }],
    ['매주 화', { kind: 'weekly', weekday: 1 }],
    ['화요일마다', { kind: 'weekly', weekday: 1 }],
    ['격주 화요일', { kind: 'weekly', weekday: 1, interval: 2 }],
    ['2주마다 목요일', { kind: 'weekly', weekday: 3, interval: 2 }],
    ['매월 15일', { kind: 'monthly-day', day: 15 }],
    ['매달 15일', { kind: 'monthly-day', day: 15 }],
    ['매월 말일', { kind: 'monthly-day', day: -1 }],
    ['매년 1월 10일', { kind: 'yearly', month: 1, day: 10 }],
    ['한 번', { kind: 'once' }],
    ['weekly:화', { kind: 'weekly', weekday: 1 }],
    ['biweekly:tue', { kind: 'weekly', weekday: 1, interval: 2 }],
    ['monthly:2:화', { kind: 'monthly-nth', nths: [2], weekday: 1 }],
    ['monthly-day:last', { kind: 'monthly-day', day: -1 }],
    ['RRULE:FREQ=MONTHLY;BYDAY=3TU', { kind: 'monthly-nth', nths: [3], weekday: 1 }],
    ['RRULE:FREQ=MONTHLY;BYDAY=4TU,2TU', { kind: 'monthly-nth', nths: [2, 4], weekday: 1 }],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', { kind: 'weekly', weekday: 1, interval: 2 }],
  ])('%s', (input, expected) => {
    expect(parseRecurrence(input)).toEqual(expected);
  });

  it('refuses rules the model cannot hold', () => {
    for (const bad of ['FREQ=DAILY', 'RRULE:FREQ=WEEKLY;BYDAY=TU,TH', 'RRULE:FREQ=MONTHLY;BYDAY=2TU,4TH', '가끔', '매월 화요일', '매월 가끔 화요일', 'every day']) {
      expect(() => parseRecurrence(bad), bad).toThrowError(expect.objectContaining({ key: 'meetup.badRepeat' }));
    }
  });

  it.each([
    ['매월 다섯째·여섯째 화요일', 'meetup.badRepeatNth'],
    ['매월 여섯째 화요일', 'meetup.badRepeatNth'],
    ['매월 2·6주 화요일', 'meetup.badRepeatNth'],
    ['every 2nd and 6th tuesday', 'meetup.badRepeatNth'],
    ['매월 둘째·둘째', 'meetup.repeatNthTwice'],
    ['매월 둘째·둘째 화요일', 'meetup.repeatNthTwice'],
    ['매월 마지막, 마지막 금요일', 'meetup.repeatNthTwice'],
    ['매월 둘째·넷째', 'meetup.repeatNoWeekday'],
  ])('refuses %s (%s), with a correct example', (input, key) => {
    expect(() => parseRecurrence(input)).toThrowError(expect.objectContaining({ key }));
    expect(translator('ko')(key as 'meetup.badRepeatNth')).toContain('예: repeat=매월 둘째·넷째 화요일');
  });
});

describe('shares (quorum=, pass=)', () => {
  it.each([
    ['과반수', '1/2+', '과반수'],
    ['과반', '1/2+', '과반수'],
    ['majority', '1/2+', '과반수'],
    ['2/3', '2/3', '3분의 2 이상'],
    ['3분의2', '2/3', '3분의 2 이상'],
    ['3분의 2', '2/3', '3분의 2 이상'],
    ['3분의 2 이상', '2/3', '3분의 2 이상'],
    ['2/3 이상', '2/3', '3분의 2 이상'],
    ['2분의 1 초과', '1/2+', '과반수'],
    ['1/3 초과', '1/3+', '3분의 1 초과'],
    ['절반 이상', '1/2', '2분의 1 이상'],
    ['만장일치', '1/1', '만장일치'],
  ])('%s', (input, canonical, words) => {
    const f = parseFraction(input);
    expect(f && `${f.num}/${f.den}${f.strict ? '+' : ''}`).toBe(canonical);
    expect(shareText(translator('ko'), input)).toBe(words);
  });

  it('describes a council rule in words', () => {
    expect(describeRule(translator('ko'), { quorum: 'majority', pass: '2/3', base: 'present' })).toBe(
      '정족수: 재적 과반수 참여 · 가결: 참여위원 3분의 2 이상 찬성',
    );
    expect(describeRule(translator('en'), { quorum: 'majority', pass: '1/2+', base: 'cast' })).toBe(
      'Quorum: more than half of members take part · Passes with more than half of votes cast in favour',
    );
  });
});

describe('enumerated values accept their Korean words', () => {
  const groups: [ChoiceGroup, Record<string, string[]>][] = [
    [
      'meetupKind',
      {
        regular: ['정례모임', '정기모임', '정례회의'],
        heads: ['동장–관장 간담회', '간담회', '기관장 간담회'],
        'case-conference': ['통합사례회의', '사례회의', '솔루션위원회'],
        briefing: ['사업설명회', '설명회'],
        workshop: ['워크숍', '워크샵', '교육'],
        other: ['기타'],
      },
    ],
    ['holidayPolicy', { next: ['다음 평일', '미룸'], previous: ['전 평일', '앞당김'], skip: ['건너뜀'], keep: ['그대로', '유지'] }],
    ['answer', { yes: ['참석', '참가', '참여'], no: ['불참', '불참석', '못감'], maybe: ['미정', '모름'] }],
    ['decisionAnswer', { yes: ['찬성', '동의'], no: ['반대'], abstain: ['기권'] }],
    ['pollKind', { decision: ['찬반', '의결'], single: ['하나', '단일'], multi: ['여러개', '여러 개', '복수'], ranked: ['순위'], opinion: ['의견', '의견 수렴'] }],
  ];
  for (const [group, table] of groups) {
    it(group, () => {
      for (const [value, words] of Object.entries(table)) for (const word of words) expect(matchChoice(group, word), word).toBe(value);
      // Every value has a Korean label that is not the English value.
      for (const value of Object.keys(catalogs.ko.choices[group])) expect(catalogs.ko.choices[group][value][0]).toMatch(/[가-힣]/);
    });
  }

  it('poll kinds with a number', () => {
    expect(parseKind('여러개:3')).toEqual({ kind: 'multi', maxChoices: 3 });
    expect(parseKind('여러개 3')).toEqual({ kind: 'multi', maxChoices: 3 });
    expect(parseKind('여러 개 3개')).toEqual({ kind: 'multi', maxChoices: 3 });
    expect(parseKind('여러개')).toEqual({ kind: 'multi', maxChoices: 2 });
    expect(parseKind('찬반')).toEqual({ kind: 'decision', maxChoices: null });
    expect(() => parseKind('하나:3')).toThrow();
  });

  it('a meetup kind from the title', () => {
    expect(kindFromTitle('3월 통합사례회의')).toBe('case-conference');
    expect(kindFromTitle('동장–관장 간담회')).toBe('heads');
    expect(kindFromTitle('상반기 사업설명회')).toBe('briefing');
    expect(kindFromTitle('실무자 워크숍')).toBe('workshop');
    expect(kindFromTitle('모라3동 민관 모임')).toBe('regular');
  });

  it('errors list the Korean labels first (English in English)', () => {
    expect(choiceList('holidayPolicy', 'ko')).toBe('다음 평일(next), 전 평일(previous), 건너뜀(skip), 그대로(keep)');
    expect(choiceList('holidayPolicy', 'en')).toBe('next (next working day), previous (previous working day), skip (skip it), keep (keep it)');
  });
});

describe('audit actions', () => {
  it('every action code written in src has a label in both languages', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith('.ts')) files.push(path);
      }
    };
    walk('src');
    const codes = new Set<string>();
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(/recordAudit\([^;]*?'([a-z]+\.[a-z.-]+)'/g)) codes.add(m[1]);
    }
    expect(codes.size).toBeGreaterThan(20);
    for (const code of codes) {
      expect(catalogs.ko.choices.auditAction?.[code], code).toBeDefined();
      expect(catalogs.en.choices.auditAction?.[code], code).toBeDefined();
    }
  });
});
