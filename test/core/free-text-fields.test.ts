// Every string (and url) option of every command, fed an identifier through
// the console: refused with a message naming the field and the kind, never the
// value, and nothing written. Walks the registry, so a new command's string
// option is covered (and this fails if the guard misses it). Each option also
// gets one of the spellings of issue 18 (other separators, look-alikes, digit
// scripts, Hangul digit words, split resident numbers, names with titles), in
// turn, so that every spelling meets many fields; and a line break, which
// every option not declared multiline refuses.
import { existsSync, readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OptionDecl } from '../../src/core/command.ts';
import { choiceValues } from '../../src/core/i18n/index.ts';
import { textProfile } from '../../src/core/options.ts';
import { positionals, type AnyCommand } from '../../src/core/registry.ts';
import { registryOf } from '../../commands/index.ts';
import { rowCounts } from '../support/db-snapshot.ts';
import { createHarness, type Harness } from '../support/harness.ts';

/** A valid value for an option that is not under test (binding refuses the tested one first). */
function dummy(option: OptionDecl): string {
  switch (option.type) {
    case 'integer':
      return '1';
    case 'date':
      return '2026-12-24';
    case 'time':
      return '14:00';
    case 'boolean':
      return 'no';
    case 'choice':
      return choiceValues(option.choices!)[0];
    case 'url':
      return 'https://example.org';
    default:
      return option.suggest === 'member' ? '김민수' : option.suggest === 'org' ? '행복종합사회복지관' : '정례모임';
  }
}

/** Something the option's profile refuses (a work mobile is allowed in contact fields: give those a bank account). */
function identifierFor(option: OptionDecl): Spelling {
  if (option.type === 'url') return { value: 'https://example.org/?tel=010-1234-5678', kind: '개인 휴대전화 번호' };
  return textProfile(option) === 'contact'
    ? { value: '110-123-456789', kind: '계좌번호' }
    : { value: '김영희 010 1234 5678', kind: '개인 휴대전화 번호' };
}

/** The spellings of issue 18, by the kind the refusal names (resident numbers are refused for the whole command, before any field). */
interface Spelling {
  value: string;
  kind: string;
  wholeCommand?: true;
}

const SPELLINGS: readonly Spelling[] = [
  { value: '010/1234/5678', kind: '개인 휴대전화 번호' },
  { value: '[010][1234][5678]', kind: '개인 휴대전화 번호' },
  { value: 'O1O-l234-5678', kind: '개인 휴대전화 번호' },
  { value: '٠١٠-١٢٣٤-٥٦٧٨', kind: '개인 휴대전화 번호' },
  { value: '공일공 일이삼사 오육칠팔', kind: '개인 휴대전화 번호' },
  { value: '900101_1234567', kind: '주민등록번호', wholeCommand: true },
  { value: '앞 9001 01 뒤 1234 567', kind: '주민등록번호', wholeCommand: true },
  { value: '९००१०१-१२३४५६७', kind: '주민등록번호', wholeCommand: true },
  { value: '구공공일공일 일이삼사오육칠', kind: '주민등록번호', wholeCommand: true },
  { value: '김 할아버지 독거', kind: '주민 이름(호칭과 함께)' },
  { value: '김영희 어르신', kind: '주민 이름(호칭과 함께)' },
  { value: '박철수 님', kind: '주민 이름(호칭과 함께)' },
  { value: '이모씨', kind: '주민 이름(호칭과 함께)' },
  { value: '박○○ 님', kind: '주민 이름(호칭과 함께)' },
];
/** In contact fields (a member's own work phone) phones and names are not refused: only the whole-command kinds. */
const CONTACT_SPELLINGS = SPELLINGS.filter((s) => s.wholeCommand);

const quoted = (value: string) => `"${value}"`;

interface Case {
  line: string;
  option: string;
  kind: string;
  wholeCommand?: true;
}

/** For each text option: as key=value, and for a positional one also in its place among the bare words. */
function cases(): Case[] {
  const out: Case[] = [];
  let turn = 0;
  for (const command of registryOf().all()) {
    for (const [sub, decl] of Object.entries((command as AnyCommand).subcommands)) {
      const head = `/${command.name}${sub ? ` ${sub}` : ''}`;
      for (const option of decl.options ?? []) {
        if (option.type !== 'string' && option.type !== 'url') continue;
        const spellings = textProfile(option) === 'contact' ? CONTACT_SPELLINGS : SPELLINGS;
        const tried: Spelling[] = option.type === 'url' ? [identifierFor(option)] : [identifierFor(option), spellings[turn++ % spellings.length]];
        for (const { value, kind, wholeCommand } of tried) {
          out.push({ line: `${head} ${option.name}=${quoted(value)}`, option: option.name, kind, wholeCommand });
          if (option.positional) {
            const before = positionals(decl).slice(0, positionals(decl).indexOf(option));
            const words = [...before.map((o) => quoted(dummy(o))), option.rest ? value : quoted(value)];
            out.push({ line: `${head} ${words.join(' ')}`, option: option.name, kind, wholeCommand });
          }
        }
      }
    }
  }
  return out;
}

/** Every one-line string option (all but those declared multiline), given a value with a line break. */
function oneLine(): { line: string; option: string }[] {
  const out: { line: string; option: string }[] = [];
  for (const command of registryOf().all()) {
    for (const [sub, decl] of Object.entries((command as AnyCommand).subcommands)) {
      for (const option of decl.options ?? []) {
        if (option.type === 'string' && !option.multiline) out.push({ line: `/${command.name}${sub ? ` ${sub}` : ''} ${option.name}="정례\n모임"`, option: option.name });
      }
    }
  }
  return out;
}

let h: Harness;
// Every log line of the run, at the most verbose level, to prove no refused value reaches the logs.
let logged = '';
const logStream = new Writable({
  write: (chunk, _encoding, done) => {
    logged += chunk;
    done();
  },
});
beforeAll(async () => {
  h = await createHarness({ app: { logger: pino({ level: 'trace' }, logStream) } });
  await h.say('/org add 사회복지관 행복종합사회복지관 dong=모라3동');
  await h.say('/member add 김민수 org=행복종합사회복지관');
});
afterAll(() => h.close());

const all = cases();

describe('every free-text field refuses an identifier', () => {
  it('covers every string option of every command, and every spelling of issue 18 in many of them', () => {
    const options = new Set(all.map((c) => `${c.line.split(' ').slice(0, 2).join(' ')} ${c.option}`));
    const perSpelling = SPELLINGS.map((s) => all.filter((c) => c.line.includes(s.value)).length);
    console.log(`free-text fields covered: ${options.size} options, ${all.length} console lines; lines per spelling of issue 18: ${perSpelling.join(', ')}`);
    expect(all.length).toBeGreaterThan(50);
    expect(Math.min(...perSpelling)).toBeGreaterThanOrEqual(5);
  });

  it.each(all)('$line', async ({ line, option, kind, wholeCommand }) => {
    const before = await rowCounts(h.db);
    const out = await h.say(line);
    expect(out.startsWith('✖'), out).toBe(true);
    expect(out).toContain(wholeCommand ? `${kind}처럼 보이는 값` : `\`${option}\`에 ${kind}처럼 보이는 값`);
    expect(out).toContain('아무것도 저장되지 않았습니다');
    expect(out).not.toMatch(/1234|456789/);
    expect(await rowCounts(h.db)).toEqual(before);
  });
});

describe('every one-line field refuses a line break', () => {
  it.each(oneLine())('$line', async ({ line, option }) => {
    const before = await rowCounts(h.db);
    const out = await h.say(line);
    expect(out, line).toContain(`\`${option}\`은(는) 한 줄로`);
    expect(out).not.toContain('정례');
    expect(await rowCounts(h.db)).toEqual(before);
  });
});

// Last in the file: after every line above was refused, the bytes of the
// database file and its WAL and every log line hold none of the values.
describe('nothing refused is anywhere', () => {
  it('not in the database file, its WAL or the logs', () => {
    const values = [...SPELLINGS.map((s) => s.value), '010 1234 5678', '110-123-456789', '5678', '456789'];
    for (const value of values) expect(logged, value).not.toContain(value);
    if (!h.databaseUrl.startsWith('file:')) return; // PostgreSQL: its files are the server's; the rows were counted above
    const file = fileURLToPath(new URL(h.databaseUrl.replace(/^file:/, 'file://')));
    const bytes = Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
    expect(bytes.includes(Buffer.from('김민수'))).toBe(true); // the check can see text that was stored
    for (const value of values) expect(bytes.includes(Buffer.from(value)), value).toBe(false);
  });
});
