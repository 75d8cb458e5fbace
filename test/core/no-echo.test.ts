// A refusal never repeats what was typed: hostile values in every position
// that produces an error (command, subcommand, stray word, each typed option
// kind, a feature's own values, name and case look-ups that find nothing or
// several) are answered without showing the value, or its digits, back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quote } from '../../src/core/parse.ts';
import { createHarness, type Harness } from '../support/harness.ts';

const HOSTILE = {
  rrn: '900101-1234567',
  mobile: '010-1234-5678',
  name: '김영희',
  formula: '=HYPERLINK("x")',
  long: '가나다라마바사아자차'.repeat(30),
};

/** What no reply may contain for a value: the value, its digits without separators, and a long slice of it. */
function fragments(value: string): string[] {
  const digits = value.replace(/\D/g, '');
  return [value, ...(digits.length >= 6 ? [digits] : []), ...(value.length > 20 ? [value.slice(100, 120)] : []), ...(value.includes('HYPERLINK') ? ['HYPERLINK'] : [])];
}

const MEETUP = '/meetup create title=모임 org=행복종합사회복지관 repeat=once start=2026-12-01 time=14:00';
const POLL = '/poll create question=안건 options="a,b" voters=org:행복종합사회복지관 kind=single anonymous=no deadline="2026-12-01 18:00"';

/** Each line puts the value (quoted as a command would be) in one position that is refused. */
const POSITIONS: Record<string, (v: string) => string> = {
  'command name': (v) => `/${v} list`,
  'command name in /help': (v) => `/help ${v}`,
  subcommand: (v) => `/org ${v}`,
  'stray word': (v) => `/org link 1 2 ${v} kind=mou`,
  'choice (positional)': (v) => `/org add ${v} 새복지관`,
  'choice (named)': (v) => `/org list kind=${v}`,
  integer: (v) => `/org list page=${v}`,
  date: (v) => `/holiday add ${v} 휴관`,
  time: (v) => MEETUP.replace('time=14:00', `time=${v}`),
  boolean: (v) => `/member add 새사람 new=${v}`,
  url: (v) => `${MEETUP} link=${v}`,
  'organisation not found': (v) => `/org show ${v}`,
  'member not found': (v) => `/member show ${v}`,
  'organisation of another feature': (v) => MEETUP.replace('org=행복종합사회복지관', `org=${v}`),
  'repeat rule': (v) => MEETUP.replace('repeat=once', `repeat=${v}`),
  duration: (v) => `${MEETUP} duration=${v}`,
  reminders: (v) => `${MEETUP} remind=${v}`,
  'poll voters': (v) => POLL.replace('voters=org:행복종합사회복지관', `voters=${v}`),
  'poll kind': (v) => POLL.replace('kind=single', `kind=${v}`),
  'poll deadline': (v) => POLL.replace('deadline="2026-12-01 18:00"', `deadline=${v}`),
  roles: (v) => `/member role admin ${v}`,
  'digest time': (v) => `/digest time ${v}`,
  'case-code pattern': (v) => `/agenda format 사상구 pattern=${v}`,
  'case-code example': (v) => `/agenda format 사상구 example=${v}`,
  'case history': (v) => `/case show ${v}`,
};

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await h.run(
    '/org add 사회복지관 행복종합사회복지관 dong=모라3동 sigungu=사상구',
    '/member add 박주무관 org=행복종합사회복지관',
    '/member add "김 영희"',
    '/member add "김영 희" new=yes',
  );
});
afterAll(() => h.close());

describe('refusals never repeat what was typed', () => {
  for (const [kind, value] of Object.entries(HOSTILE)) {
    it.each(Object.entries(POSITIONS))(`${kind} as %s`, async (_, line) => {
      const out = await h.say(line(quote(value)));
      for (const fragment of fragments(value)) expect(out).not.toContain(fragment);
    });
  }

  it('several members of the name: the directory\'s names are listed, not the typed one', async () => {
    const out = await h.say('/member show 김영희');
    expect(out).toContain('그 이름의 구성원이 여럿입니다');
    expect(out).toMatch(/#\d+ 김 영희.*#\d+ 김영 희/);
    expect(out).not.toContain('김영희');
  });

  it('a near miss offers the stored name, not the typo', async () => {
    const out = await h.say('/org show 행복종합사회복지곤');
    expect(out).toContain('혹시 이 조직인가요? 행복종합사회복지관(#1)');
    expect(out).not.toContain('복지곤');
  });

  it('an example that does not fit the format is not shown back; the catalog\'s correct form is', async () => {
    const out = await h.say('/agenda format 사상구 example=모라-14');
    expect(out).toContain('`example`의 예시 사례번호가 사례번호 형식(pattern)에 맞지 않습니다');
    expect(out).toContain('example=2026-모라3-014');
    expect(out).not.toContain('모라-14');
  });

  it('English refusals keep it too', async () => {
    await h.say('/member me lang=en');
    for (const line of ['/org 김영희', '/org list page=김영희', '/member show 김영희x']) expect(await h.say(line)).not.toContain('김영희');
    await h.say('/member me lang=ko');
  });
});
