// Name searches take `%` and `_` as the characters they are: LIKE's
// wildcards are escaped in every search (list filters, autocomplete, the
// candidates of look-ups), on SQLite and PostgreSQL alike.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { suggestMembers, suggestOrganizations } from '../../../src/features/directory/service.ts';
import { createHarness, type Harness } from '../../support/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  await h.run(
    '/org add 사회복지관 행복종합사회복지관',
    '/org add 기타 "100%나눔센터"',
    '/org add 기타 우리_동네복지',
    '/member add 홍길동 org=행복종합사회복지관',
    '/member add 김민수 org=행복종합사회복지관',
    '/member add 박_주무관',
    '/member add 이100%봉사',
  );
});
afterEach(() => h.close());

describe('LIKE wildcards in searches', () => {
  it('/member list name=% and name=_ match only names with those characters', async () => {
    const percent = await h.say('/member list name=%');
    expect(percent).toContain('이100%봉사');
    expect(percent).not.toContain('홍길동');
    expect(percent).not.toContain('박_주무관');
    const underscore = await h.say('/member list name=_');
    expect(underscore).toContain('박_주무관');
    expect(underscore).not.toContain('김민수');
    expect(underscore).not.toContain('이100%봉사');
    expect(await h.say('/member list name=\\')).toContain('조건에 맞는 구성원이 없습니다');
  });

  it('autocomplete takes them literally too', async () => {
    const ctx = h.app.context();
    expect((await suggestOrganizations(ctx, '%')).map((s) => s.label)).toEqual(['100%나눔센터']);
    expect((await suggestOrganizations(ctx, '_')).map((s) => s.label)).toEqual(['우리_동네복지']);
    expect((await suggestMembers(ctx, '_')).map((s) => s.label)).toEqual(['박_주무관']);
  });
});
