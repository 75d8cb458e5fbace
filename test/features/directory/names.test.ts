// A name has a letter: `-`, `---`, digits or punctuation alone are refused
// with the field and an example, by command, by `@@name` and by CSV import;
// nothing is written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/core/command.ts';
import { importCsv, ImportError } from '../../../src/features/directory/import.ts';
import { rowCounts } from '../../support/db-snapshot.ts';
import { createHarness, type Harness } from '../../support/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  await h.run('/org add 사회복지관 행복종합사회복지관', '/member add 홍길동 org=행복종합사회복지관');
});
afterEach(() => h.close());

const REFUSAL = '`name`에는 글자(한글이나 영문)가 들어간 이름을 적어 주세요';

describe('names must contain a letter', () => {
  it.each([
    ['a member renamed to -', '/member edit 홍길동 name=-'],
    ['a member renamed to digits and punctuation', '/member edit 홍길동 name="12 - 34"'],
    ['a member added as punctuation', '/member add "..."'],
    ['an organisation added as ---', '/org add 기타 ---'],
    ['an organisation renamed to a number', '/org rename 행복종합사회복지관 name=2026'],
  ])('%s is refused, nothing written', async (_, line) => {
    const before = await rowCounts(h.db);
    const out = await h.say(line);
    expect(out).toContain(REFUSAL);
    expect(out).toContain('예: name=홍길동');
    expect(await rowCounts(h.db)).toEqual(before);
  });

  it('names with a letter among digits and signs still pass', async () => {
    expect(await h.say('/member edit 홍길동 name=홍길동2')).toContain('정보를 고쳤습니다');
    expect(await h.say('/org add 기타 "A-1 나눔터"')).toContain('등록했습니다');
  });

  it('the console does not create a speaker named ---', async () => {
    const before = await rowCounts(h.db);
    expect(await h.say('@@--- /member me')).toContain('`@@`에는 글자(한글이나 영문)가 들어간 이름을 적어 주세요');
    expect(await rowCounts(h.db)).toEqual(before);
  });

  it('CSV import refuses such names with the line and the column', async () => {
    const actor: Actor = { name: 'csv-import', roles: new Set(), locale: 'ko', platform: 'console', platformUserId: 'csv-import' };
    const before = await rowCounts(h.db);
    for (const [csv, line] of [
      ['이름,소속\n김민수,행복종합사회복지관\n-,행복종합사회복지관\n', '3행'],
      ['이름,종류\n---,기타\n', '2행'],
    ]) {
      const error = await importCsv({ db: h.db, clock: h.clock, actor }, csv).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).problems).toEqual([`${line}: \`이름\`에는 글자(한글이나 영문)가 들어간 이름을 적어 주세요. 기호·숫자·빈칸만으로는 이름이 되지 않습니다. 아무것도 저장되지 않았습니다. 예: name=홍길동, name=행복종합사회복지관`]);
    }
    expect(await rowCounts(h.db)).toEqual(before);
  });
});
