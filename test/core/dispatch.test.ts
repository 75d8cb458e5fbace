// Bad input through the console adapter: a Korean message that says what was
// wrong with a correct example, and no row written anywhere.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.ts';
import { rowCounts } from '../support/db-snapshot.ts';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  // Bootstraps the console admin and one organisation.
  await h.say('/org add 사회복지관 행복종합사회복지관 dong=모라3동');
});
afterEach(() => h.close());

async function expectRefused(line: string, ...fragments: (string | RegExp)[]) {
  const before = await rowCounts(h.db);
  const out = await h.say(line);
  expect(out.startsWith('✖')).toBe(true);
  for (const fragment of fragments) expect(out).toMatch(fragment);
  expect(await rowCounts(h.db)).toEqual(before);
  return out;
}

describe('dispatch: refusals write nothing', () => {
  it('unknown command', async () => {
    const out = await expectRefused('/orgs list', '그런 이름의 명령은 없습니다', '/help');
    expect(out).not.toContain('orgs');
  });

  it('unknown subcommand names the choices and an example', async () => {
    const out = await expectRefused('/org delete 1', '`/org` 다음에 적은 하위 명령을 알 수 없습니다', 'add, list, show, link', '예: /org add');
    expect(out).not.toContain('delete');
  });

  it('missing required option shows usage and example', async () => {
    await expectRefused('/org add 사회복지관', '`name` 값이 빠졌습니다', '사용법: /org add <kind> <name>', '예: /org add 사회복지관');
  });

  it('malformed choice lists the accepted values', async () => {
    const out = await expectRefused('/org add 병원 서울병원', '`kind` 값을 알 수 없습니다', '사회복지관(welfare-centre), 행정복지센터(community-centre)');
    expect(out).not.toContain('병원 ');
  });

  it('malformed date and integer options', async () => {
    await h.say('/org add 보장협의체 모라3동협의체');
    await h.say('/member add 박영희');
    const out = await expectRefused('/council seat 박영희 council=모라3동협의체 seat=member from=2026-02-30', '`from` 값을 날짜로 읽을 수 없습니다');
    expect(out).not.toContain('02-30');
    await expectRefused('/org list page=둘', '`page`에는 숫자를 적어 주세요');
  });

  it('unknown option and a stray word', async () => {
    // A key of Latin letters is named (it cannot hold an identifier); its value never is.
    expect(await expectRefused('/org add 사회복지관 새복지관 town=가나다', '`town` 옵션은 이 명령에 없습니다', 'kind, name, dong, sigungu')).not.toContain('가나다');
    await expectRefused('/org link 1 2 서울병원 kind=mou', '사용법에 없는 값이 더 있어', '사용법: /org link');
  });

  it('duplicate organisation', async () => {
    await expectRefused('/org add 사회복지관 행복종합사회복지관', '행복종합사회복지관은(는) 이미 #1로 등록되어 있습니다');
  });

  it('a non-admin changing roles', async () => {
    await h.run('/member add 김민수 org=행복종합사회복지관 role=coordinator', '@김민수 /member me');
    await expectRefused('@김민수 /member role 김민수 admin', '`/member role`은(는) 관리자 역할만 쓸 수 있습니다', '지금 역할: 코디네이터');
  });

  it('a staff member creating an organisation', async () => {
    await h.say('@@이영수 /member me'); // first contact links the console name (a write of its own)
    await expectRefused('@이영수 /org add 사회복지관 새복지관', '관리자, 코디네이터 역할만', '지금 역할: 실무자');
  });

  it('a coordinator may not hand out admin', async () => {
    await h.run('/member add 김민수 org=행복종합사회복지관 role=coordinator', '@김민수 /member me');
    await expectRefused('@김민수 /member add 최주무관 role=admin', '관리자 역할은 관리자만 줄 수 있습니다');
  });

  it('the last admin cannot drop the admin role', async () => {
    await expectRefused('/member role admin staff', '마지막 관리자의 관리자 역할은 뺄 수 없습니다');
  });

  it('resident identifiers are refused without echoing them', async () => {
    const out = await expectRefused('/org add 기타 900101-1234567', '주민등록번호처럼 보이는 값', '사례번호로만');
    expect(out).not.toContain('900101');
  });

  it('unknown role names', async () => {
    await h.say('/member add 김민수');
    expect(await expectRefused('/member role 김민수 boss', '알 수 없는 역할이 있습니다', '예: /member role')).not.toContain('boss');
  });
});

describe('help is generated from the registry', () => {
  it('/help lists every command, /org help every subcommand', async () => {
    const index = await h.say('/help');
    for (const name of ['/org', '/member', '/council', '/channel', '/audit', '/help']) expect(index).toContain(name);
    const org = await h.say('/org help');
    expect(org).toContain('/org add <kind> <name> [dong=..] [sigungu=..]');
    expect(await h.say('/help org')).toBe(org);
    const add = await h.say('/org add help');
    expect(add).toContain('kind: 종류');
    expect(add).toContain('쓸 수 있는 역할: 관리자, 코디네이터');
  });

  it('answers in English for a member who chose en', async () => {
    await h.say('/member me lang=en');
    expect(await h.say('/orgs')).toContain('There is no command of that name');
    expect(await h.say('/help')).toContain('/org');
  });
});
