// Every string (and url) option of every command, fed an identifier through
// the console: refused with a message naming the field and the kind, never the
// value, and nothing written. Walks the registry, so a new command's string
// option is covered (and this fails if the guard misses it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OptionDecl } from '../../src/core/command.ts';
import { choiceValues } from '../../src/core/i18n/index.ts';
import { textProfile } from '../../src/core/options.ts';
import { positionals, type AnyCommand } from '../../src/core/registry.ts';
import { registryOf } from '../../src/features/index.ts';
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
function identifierFor(option: OptionDecl): { value: string; kind: string } {
  if (option.type === 'url') return { value: 'https://example.org/?tel=010-1234-5678', kind: '개인 휴대전화 번호' };
  return textProfile(option) === 'contact'
    ? { value: '110-123-456789', kind: '계좌번호' }
    : { value: '김영희 010 1234 5678', kind: '개인 휴대전화 번호' };
}

const quoted = (value: string) => `"${value}"`;

interface Case {
  line: string;
  option: string;
  kind: string;
}

/** For each text option: as key=value, and for a positional one also in its place among the bare words. */
function cases(): Case[] {
  const out: Case[] = [];
  for (const command of registryOf().all()) {
    for (const [sub, decl] of Object.entries((command as AnyCommand).subcommands)) {
      const head = `/${command.name}${sub ? ` ${sub}` : ''}`;
      for (const option of decl.options ?? []) {
        if (option.type !== 'string' && option.type !== 'url') continue;
        const { value, kind } = identifierFor(option);
        out.push({ line: `${head} ${option.name}=${quoted(value)}`, option: option.name, kind });
        if (option.positional) {
          const before = positionals(decl).slice(0, positionals(decl).indexOf(option));
          const words = [...before.map((o) => quoted(dummy(o))), option.rest ? value : quoted(value)];
          out.push({ line: `${head} ${words.join(' ')}`, option: option.name, kind });
        }
      }
    }
  }
  return out;
}

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await h.say('/org add 사회복지관 행복종합사회복지관 dong=모라3동');
  await h.say('/member add 김민수 org=행복종합사회복지관');
});
afterAll(() => h.close());

const all = cases();

describe('every free-text field refuses an identifier', () => {
  it('covers every string option of every command', () => {
    const options = new Set(all.map((c) => c.line.split(' ').slice(0, 2).join(' ') + ' ' + c.option));
    console.log(`free-text fields covered: ${options.size} options, ${all.length} console lines`);
    expect(all.length).toBeGreaterThan(50);
  });

  it.each(all)('$line', async ({ line, option, kind }) => {
    const before = await rowCounts(h.db);
    const out = await h.say(line);
    expect(out.startsWith('✖'), out).toBe(true);
    expect(out).toContain(`\`${option}\`에 ${kind}처럼 보이는 값`);
    expect(out).toContain('아무것도 저장되지 않았습니다');
    expect(out).not.toMatch(/1234|456789/);
    expect(await rowCounts(h.db)).toEqual(before);
  });
});
