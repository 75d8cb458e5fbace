// Text hygiene: control, bidi and zero-width characters, lone surrogates, NFC;
// links only http(s); escaped quotes in the parser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindOptions, parseUrl } from '../../src/core/options.ts';
import { registryOf } from '../../commands/index.ts';
import { parseText, quote, tokenize } from '../../src/core/parse.ts';
import { cleanText, guardText } from '../../src/core/privacy/index.ts';
import { UserError } from '../../src/core/errors.ts';
import { rowCounts } from '../support/db-snapshot.ts';
import { createHarness, type Harness } from '../support/harness.ts';

describe('cleanText', () => {
  it.each([
    ['NUL', 'a\u0000b', 'control'],
    ['ESC', '\u001b[31m빨강', 'control'],
    ['BEL', 'a\u0007', 'control'],
    ['DEL', 'a\u007f', 'control'],
    ['C1 CSI', 'a\u009bb', 'control'],
    ['RLO', '김민수\u202E관리자', 'bidi'],
    ['LRI', 'a\u2066b\u2069', 'bidi'],
    ['RLM', 'a\u200Fb', 'bidi'],
    ['lone high surrogate', 'a\uD800b', 'surrogate'],
    ['lone low surrogate', 'a\uDC00', 'surrogate'],
  ])('refuses %s', (_, value, problem) => {
    expect(cleanText(value)).toEqual({ problem });
  });

  it('strips zero-width and filler characters, keeps emoji pairs, composes NFC', () => {
    expect(cleanText('행\u200B복\u200C복\u200D지\u2060관\uFEFF')).toEqual({ text: '행복복지관' });
    expect(cleanText('\u3164')).toEqual({ text: '' });
    expect(cleanText('모임 🎉')).toEqual({ text: '모임 🎉' });
    const decomposed = '한'.normalize('NFD');
    expect(decomposed.length).toBe(3);
    expect(cleanText(decomposed)).toEqual({ text: '한' });
  });

  it('keeps the ZWJ and VS16 of emoji sequences; strips a ZWJ anywhere else', () => {
    for (const emoji of ['👨\u200D👩\u200D👧', '❤\uFE0F\u200D🔥', '👩🏽\u200D💻', '🏳\uFE0F\u200D🌈', '❤\uFE0F']) {
      expect(cleanText(`송년회 ${emoji}`)).toEqual({ text: `송년회 ${emoji}` });
    }
    expect(cleanText('행\u200D복 👨\u200D')).toEqual({ text: '행복 👨' });
    expect(cleanText('0\u200D10')).toEqual({ text: '010' });
    expect(guardText('free', 'title', '👨\u200D010-1234-5678')).toBeInstanceOf(UserError);
  });

  it('keeps line breaks and tabs in free text, refuses them in names; CR LF becomes LF', () => {
    expect(cleanText('1. 안건\r\n2. 안건\t(보고)')).toEqual({ text: '1. 안건\n2. 안건\t(보고)' });
    expect(cleanText('김민수\n[관리자]', { singleLine: true })).toEqual({ problem: 'lineBreak' });
  });

  it('a phone number hidden by zero-width characters is still found', () => {
    expect(guardText('free', 'title', '010\u200B1234\u200B5678')).toBeInstanceOf(UserError);
  });
});

describe('one-line and multiline options', () => {
  const agenda = registryOf().get('agenda', 'console')!;
  const bind = (named: [string, string][]) =>
    bindOptions(agenda, 'add', ['1'], Object.entries({ case: '2026-모라3-014', stage: 'intake', risk: '고', needs: '주거', consent: 'yes', ...Object.fromEntries(named) }), {
      now: new Date('2026-12-01T00:00:00Z'),
    });

  it('a case summary declared multiline keeps its lines; needs (one line) refuses them', () => {
    expect(bind([['summary', '1. 주거 불안\n2. 돌봄 공백']]).summary).toBe('1. 주거 불안\n2. 돌봄 공백');
    const error = (() => {
      try {
        bind([['needs', '주거\n돌봄']]);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ key: 'error.lineBreakInName', params: { option: 'needs' } });
  });
});

describe('links', () => {
  it('only http(s), with a host and no credentials', () => {
    expect(parseUrl('https://zoom.us/j/81234567890')).toBe('https://zoom.us/j/81234567890');
    expect(parseUrl('http://example.org/a?b=c')).toBe('http://example.org/a?b=c');
    expect(parseUrl('www.moracenter.or.kr')).toBe('https://www.moracenter.or.kr');
    for (const bad of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://example.org', 'file:///etc/passwd', 'https://user:pw@example.org', 'https://', 'zoom 링크', 'vbscript:x']) {
      expect(parseUrl(bad), bad).toBeUndefined();
    }
  });
});

describe('parser: escaped quotes', () => {
  it('\\" and \\\' inside quotes are quotes; \\\\ is a backslash; other backslashes stay', () => {
    expect(tokenize('title="\\"희망\\" 모임"')).toEqual(['title="희망" 모임']);
    expect(tokenize("name='김\\'s 모임'")).toEqual(["name=김's 모임"]);
    expect(tokenize('"a\\\\b" "c\\d"')).toEqual(['a\\b', 'c\\d']);
    expect(parseText('/meetup edit 1 title="\\"송년\\" 모임"').named).toEqual([['title', '"송년" 모임']]);
  });

  it('an escaped quote does not close the value', () => {
    expect(() => tokenize('title="abc\\"')).toThrow(UserError);
  });

  it('quote() round-trips quotes and backslashes', () => {
    for (const value of ['"희망" 모임', 'a\\b', 'x"', '김\'s', '모라 3동', '']) {
      expect(tokenize(`x ${quote(value)}`)).toEqual(['x', value]);
    }
  });
});

describe('through the console: refused, named, nothing written', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await h.say('/org add 사회복지관 행복종합사회복지관 dong=모라3동');
  });
  afterAll(() => h.close());

  async function refused(line: string, ...fragments: string[]) {
    const before = await rowCounts(h.db);
    const out = await h.say(line);
    expect(out.startsWith('✖'), out).toBe(true);
    for (const fragment of fragments) expect(out).toContain(fragment);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the refusal must not echo the control characters fed in
    expect(out).not.toMatch(/[\u0000-\u0008\u001b\u202E]/);
    expect(await rowCounts(h.db)).toEqual(before);
    return out;
  }

  it.each([
    ['bidi override in an organisation name', '/org add 사회복지관 행복\u202E관지복', '`name`에 글자 방향을 바꾸는 문자'],
    ['NUL in a member name', '/member add 김\u0000민수', '`name`에 보이지 않는 제어 문자'],
    ['ESC in a position', '/member add 김민수 position="\u001b[2J팀장"', '`position`에 보이지 않는 제어 문자'],
    ['lone surrogate in a holiday name', '/holiday add 2026-12-24 휴관\uD800', '`name`에 깨진 문자'],
    ['line break in a name', '/org rename 행복종합사회복지관 name="행복\n[관리자] 공지"', '`name`은(는) 한 줄로'],
    ['javascript: link', '/meetup create title=정례모임 org=행복종합사회복지관 repeat=매월 start=2026-12-24 time=14:00 link=javascript:alert(1)', '`link`에는 http:// 또는 https://'],
    ['ESC in an unknown command', '/or\u001bg list', '`command`에 보이지 않는 제어 문자'],
    ['phone in an unknown subcommand', '/org 010-1234-5678', '`command`에 개인 휴대전화 번호'],
    ['phone in a stray word', '/meetup show 1 010-1234-5678', '개인 휴대전화 번호'],
    ['phone in an integer option', '/meetup show id=010-1234-5678', '`id`에 개인 휴대전화 번호'],
  ])('%s', async (_, line, fragment) => {
    const out = await refused(line, fragment, '저장되지 않았습니다');
    expect(out).not.toContain('5678');
    expect(out).not.toContain('javascript');
  });

  it('a 100,000-character command is refused at once, naming the limit, without being read or echoed', async () => {
    const before = await rowCounts(h.db);
    for (const line of [`/member add 김민수 position="${'가나다 김영희 어르신 '.repeat(8000)}"`, `/org add 사회복지관 ${'0'.repeat(100_000)}`]) {
      const started = performance.now();
      const out = await h.say(line);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(out).toContain('4000자까지');
      expect(out).not.toContain('가나다');
      expect(out).not.toContain('0000');
    }
    expect(await rowCounts(h.db)).toEqual(before);
  });

  it('an option over 500 characters is refused by its length before the guard reads it', async () => {
    await refused(`/member add 김민수 position="${'김영희 어르신 '.repeat(80)}"`, '`position`이(가) 너무 깁니다', '500자');
  });

  it('a line break in a one-line field is refused naming the option; a multiline field keeps it', async () => {
    await refused('/org add 사회복지관 모라종합복지관 dong="모라3동\n[공지]"', '`dong`은(는) 한 줄로');
    await refused('/member add 최영호 org=행복종합사회복지관 position="팀장\u2028관리자"', '`position`은(는) 한 줄로');
  });

  it('a member of the directory with a title is not a resident; a name that is no member is', async () => {
    await h.say('/member add 김민수 org=행복종합사회복지관');
    expect(await h.say('/member add 박지원 org=행복종합사회복지관 position="김민수 님 후임"')).not.toMatch(/^✖/);
    await refused('/member add 이하늘 org=행복종합사회복지관 position="박철수 님 후임"', '`position`에 주민 이름(호칭과 함께)');
  });

  it('zero-width characters are stripped and names stored in NFC', async () => {
    expect(await h.say('/org add 사회복지관 모라\u200B종합\u200D사회복지관')).toContain('모라종합사회복지관');
    await h.say(`/member add ${'이순자'.normalize('NFD')} org=모라종합사회복지관`);
    const names = (await h.db.member.findMany({ select: { name: true } })).map((m) => m.name);
    expect(names).toContain('이순자');
    const orgs = (await h.db.organization.findMany({ select: { name: true } })).map((o) => o.name);
    expect(orgs).toContain('모라종합사회복지관');
  });

  it('a member\'s own work mobile is still accepted in phone= (contact profile), and a bad one is not echoed', async () => {
    expect(await h.say('/member add 박지현 org=행복종합사회복지관 phone=010-2222-3333 email=park@welfare.or.kr')).not.toMatch(/^✖/);
    const out = await refused('/member add 최영호 org=행복종합사회복지관 phone=전화없음', '`phone`');
    expect(out).not.toContain('전화없음');
    const mail = await refused('/member add 최영호 org=행복종합사회복지관 email=choi-at-welfare', '`email`');
    expect(mail).not.toContain('choi-at-welfare');
  });
});
