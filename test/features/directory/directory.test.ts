import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../support/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

describe('organisations', () => {
  it('adds with Korean or English kind names and lists them', async () => {
    const out = await h.run(
      '/org add 사회복지관 행복종합사회복지관 dong=모라3동 sigungu=사상구',
      '/org add community-centre 모라3동행정복지센터 dong=모라3동',
      '/org add 주민센터 "덕포1동 주민센터"',
      '/org list',
      '/org list kind=행정복지센터',
    );
    expect(out[0]).toBe('✔ 사회복지관 행복종합사회복지관(#1)을(를) 등록했습니다.');
    expect(out[2]).toContain('덕포1동 주민센터(#3)');
    expect(out[3]).toContain('등록된 조직 (3곳)');
    expect(out[3]).toContain('#1 행복종합사회복지관 · 사회복지관 · 모라3동 · 사상구');
    expect(out[4]).toContain('(2곳)');
    expect(out[4]).not.toContain('행복종합사회복지관');
  });

  it('pages long lists instead of printing the whole directory', async () => {
    for (let i = 1; i <= 25; i++) await h.say(`/org add 기타 협력기관${i}`);
    const first = await h.say('/org list');
    expect(first).toContain('등록된 조직 (25곳)');
    expect(first).toContain('1/2쪽 · 다음 쪽: /org list page=2');
    expect(first.split('\n').filter((l) => l.startsWith('#'))).toHaveLength(20);
    const second = await h.say('/org list page=2');
    expect(second).toContain('#25 협력기관25');
  });

  it('links a hub welfare centre to dong offices and a council to its dong', async () => {
    await h.run(
      '/org add 사회복지관 행복종합사회복지관',
      '/org add 행정복지센터 모라3동행정복지센터',
      '/org add 보장협의체 모라3동지역사회보장협의체',
    );
    expect(await h.say('/org link 행복종합사회복지관 모라3동행정복지센터 kind=hub')).toBe(
      '✔ 행복종합사회복지관 → 모라3동행정복지센터: 거점 관계(#1)를 등록했습니다.',
    );
    expect(await h.say('/org link #3 #2 kind=council-of')).toContain('동협의체 관계(#2)');
    expect(await h.say('/org link 모라3동행정복지센터 행복종합사회복지관 kind=hub')).toContain('거점 관계는 앞에 사회복지관, 뒤에 행정복지센터을(를) 적어야 합니다. 예: /org link <사회복지관> <행정복지센터> kind=hub');
    expect(await h.say('/org link #1 #2 kind=hub')).toContain('이미 #1로 등록');
    const show = await h.say('/org show 모라3동행정복지센터');
    expect(show).toContain('거점: ← 행복종합사회복지관 (#1)');
    expect(show).toContain('동협의체: ← 모라3동지역사회보장협의체 (#2)');
  });

  it('warns when a hub serves more than three dong offices', async () => {
    await h.say('/org add 사회복지관 거점복지관');
    for (let i = 1; i <= 4; i++) await h.say(`/org add 행정복지센터 동${i}`);
    for (let i = 1; i <= 3; i++) expect(await h.say(`/org link 거점복지관 동${i} kind=hub`)).not.toContain('보통 2~3개');
    expect(await h.say('/org link 거점복지관 동4 kind=hub')).toContain('이미 거점으로 동 4곳');
  });
});

describe('members and roles', () => {
  it('adds members, shows them, and lets an admin set roles', async () => {
    await h.say('/org add 행정복지센터 모라3동행정복지센터');
    const added = await h.say('/member add 김민수 org=모라3동행정복지센터 position=주무관 role=staff phone=051-310-1234 email=minsu@korea.kr');
    expect(added).toBe('✔ 김민수(#2) 님을 모라3동행정복지센터에 등록했습니다. 역할: 실무자');
    expect(await h.say('/member role 김민수 coordinator,head')).toContain('코디네이터, 기관장(동장·관장)');
    const show = await h.say('/member show #2');
    expect(show).toContain('소속: 모라3동행정복지센터 (#1)');
    expect(show).toContain('업무 전화: 051-310-1234');
    expect(show).toContain('역할: 코디네이터, 기관장(동장·관장)');
  });

  it('asks for a #number when two members share a name', async () => {
    await h.run('/org add 사회복지관 가복지관', '/org add 사회복지관 나복지관', '/member add 김민수 org=가복지관', '/member add 김민수 org=나복지관');
    expect(await h.say('/member show 김민수')).toContain('#2 김민수(가복지관), #3 김민수(나복지관)');
  });

  it('/member me works for console users and switches language', async () => {
    expect(await h.say('@@박영희 /member me')).toContain('역할: 실무자');
    expect(await h.say('@박영희 /member me lang=en')).toContain('English');
    expect(await h.say('@박영희 /member me')).toContain('Roles: Staff');
  });

  it('rejects a malformed e-mail or phone without writing', async () => {
    expect(await h.say('/member add 김민수 email=kim@')).toContain('`email` 형식이 올바르지 않습니다');
    expect(await h.say('/member add 김민수 phone=전화없음')).toContain('`phone`에는 업무용 전화번호');
    expect(await h.db.member.count({ where: { name: '김민수' } })).toBe(0);
  });
});

describe('council seats', () => {
  beforeEach(async () => {
    await h.run('/org add 보장협의체 모라3동협의체', '/member add 이동장', '/member add 박영희', '/member add 최민간');
  });

  it('seats members with a default two-year term', async () => {
    expect(await h.say('/council seat 이동장 council=모라3동협의체 seat=공공위원장 from=2026-01-01')).toBe(
      '✔ 이동장 님을 모라3동협의체 공공위원장(으)로 위촉했습니다 (임기 2026-01-01~2027-12-31).',
    );
    expect(await h.say('/council seat 박영희 council=모라3동협의체 seat=member')).toContain('2026-11-25~2028-11-24');
  });

  it('refuses a second chair for an overlapping term, allows the next term', async () => {
    await h.say('/council seat 박영희 council=모라3동협의체 seat=chair-private from=2026-01-01');
    expect(await h.say('/council seat 최민간 council=모라3동협의체 seat=chair-private from=2027-06-01')).toContain(
      '민간위원장 자리는 박영희 님이 2026-01-01~2027-12-31 임기로',
    );
    expect(await h.say('/council seat 최민간 council=모라3동협의체 seat=chair-private from=2028-01-01')).toContain('위촉했습니다');
  });

  it('refuses a seat on something that is not a council', async () => {
    await h.say('/org add 사회복지관 행복복지관');
    expect(await h.say('/council seat 박영희 council=행복복지관 seat=member')).toContain('보장협의체가 아닙니다');
  });
});

describe('channel bindings and audit', () => {
  it('binds the current channel to an organisation or a partnership', async () => {
    await h.run('/org add 사회복지관 행복복지관', '/org add 행정복지센터 모라3동', '/org link 행복복지관 모라3동 kind=hub');
    expect(await h.say('/channel bind 행복복지관')).toBe('✔ 이 채널(#console)을 행복복지관의 채널로 연결했습니다.');
    expect(await h.say('/channel bind 행복복지관')).toContain('이미 행복복지관에 연결');
    expect(await h.say('/channel bind partnership=1')).toContain('행복복지관–모라3동 거점');
    const list = await h.say('/channel list');
    expect(list).toContain('#1 행복복지관');
    expect(list).toContain('partnership=1');
    expect(await h.say('/channel unbind 행복복지관')).toContain('연결을 끊었습니다');
    expect(await h.db.channelBinding.count()).toBe(1);
  });

  it("a 동장 binds their own office's room without an admin, and no other", async () => {
    await h.run(
      '/org add 사회복지관 행복복지관',
      '/org add 행정복지센터 모라3동',
      '/org link 행복복지관 모라3동 kind=hub',
      '/member add 이동장 org=모라3동 role=동장',
      '/member add 박주무관 org=모라3동 role=staff',
    );
    expect(await h.say('@이동장 /channel bind 모라3동')).toBe('✔ 이 채널(#console)을 모라3동의 채널로 연결했습니다.');
    const other = await h.say('@이동장 /channel bind 행복복지관');
    expect(other).toContain('소속 기관(모라3동)의 채널만');
    expect(await h.say('@이동장 /channel bind partnership=1')).toContain('소속 기관(모라3동)의 채널만');
    expect(await h.say('@박주무관 /channel bind 모라3동')).toContain('/channel bind');
    expect(await h.say('@이동장 /channel unbind 모라3동')).toContain('연결을 끊었습니다');
    expect(await h.db.channelBinding.count()).toBe(0);
    expect(await h.say('@이동장 /channel bind 모라3동')).toContain('연결했습니다');
    expect(await h.say('/audit')).toContain('이동장 (console) · 채널 연결');
  });

  it('records every change; only admins read the log', async () => {
    await h.run('/org add 사회복지관 행복복지관', '/member add 김민수 role=coordinator', '@김민수 /org add 기타 자활센터');
    const audit = await h.say('/audit');
    expect(audit).toContain('김민수 (console) · 기관 추가 · org #2');
    expect(audit).toContain('admin (console) · 구성원 추가 · member #2');
    expect(await h.say('@김민수 /audit')).toContain('관리자 역할만');
  });
});
