// Delivery per recipient: people addressed by role and scope, a council's
// sitting chairs, a partnership's members; each DM rendered in the reader's
// language, channels in the bot's.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Target } from '../../src/core/deliver.ts';
import { createHarness, type Harness } from '../support/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await createHarness(); // 2026-11-25 10:00 KST
  await h.run(
    '/org add 행정복지센터 모라3동행정복지센터 dong=모라3동 sigungu=사상구',
    '/org add 행정복지센터 덕포1동행정복지센터 dong=덕포1동 sigungu=사상구',
    '/org add 행정복지센터 구포1동행정복지센터 dong=구포1동 sigungu=북구',
    '/org add 사회복지관 행복종합사회복지관 dong=모라3동 sigungu=사상구',
    '/org add 보장협의체 모라3동지역사회보장협의체 dong=모라3동 sigungu=사상구',
    '/org link 행복종합사회복지관 모라3동행정복지센터 kind=거점',
    '/member add 모라동장 org=모라3동행정복지센터 role=head',
    '/member add 덕포동장 org=덕포1동행정복지센터 role=head',
    '/member add 구포동장 org=구포1동행정복지센터 role=head',
    '/member add 행복관장 org=행복종합사회복지관 role=head',
    '/member add 김주무관 org=모라3동행정복지센터',
    '/member add 박위원',
    '/member add 최위원',
    '/council seat 모라동장 council=모라3동지역사회보장협의체 seat=공공위원장 from=2026-01-01',
    '/council seat 박위원 council=모라3동지역사회보장협의체 seat=민간위원장 from=2024-01-01 to=2025-12-31',
    '/council seat 최위원 council=모라3동지역사회보장협의체 seat=위원 from=2026-01-01',
  );
  // Everyone speaks once in the console so they have a chat account there; 덕포동장 reads English.
  for (const name of ['모라동장', '덕포동장', '구포동장', '행복관장', '김주무관', '박위원', '최위원']) await h.say(`@${name} /member me`);
  await h.say('@덕포동장 /member me lang=en');
});
afterEach(() => h.close());

async function recipients(target: Target): Promise<string[]> {
  const key = `t${Math.random()}`;
  await h.app.outbox.deliver(target, (t) => ({ lines: [t('help.title')] }), key);
  const rows = await h.db.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: key } }, orderBy: { id: 'asc' } });
  const names = new Map((await h.db.chatIdentity.findMany({ include: { member: true } })).map((i) => [i.userId, i.member.name]));
  return rows.map((r) => `${r.destKind === 'user' ? names.get(r.destId) : `#${r.destId}`}: ${(JSON.parse(r.card) as { lines: string[] }).lines[0]}`);
}

describe('delivery targets', () => {
  it('the heads of every dong office in a district, each in their own language', async () => {
    expect(await recipients({ kind: 'role', role: 'head', orgKind: 'community-centre', sigungu: '사상구' })).toEqual([
      '모라동장: 민관협력 봇 명령',
      '덕포동장: Public–private cooperation bot commands',
    ]);
  });

  it('a council\'s sitting chairs only (an expired term is left out)', async () => {
    const council = await h.db.organization.findUniqueOrThrow({ where: { name: '모라3동지역사회보장협의체' } });
    expect(await recipients({ kind: 'chairs', councilId: council.id })).toEqual(['모라동장: 민관협력 봇 명령']);
  });

  it('the members of both organisations of a partnership', async () => {
    const partnership = await h.db.partnership.findFirstOrThrow();
    expect(await recipients({ kind: 'partnership-members', id: partnership.id })).toEqual([
      '모라동장: 민관협력 봇 명령',
      '행복관장: 민관협력 봇 명령',
      '김주무관: 민관협력 봇 명령',
    ]);
  });

  it('channels get the bot\'s language; a message rendered once per language, not per reader', async () => {
    await h.say('/channel bind 모라3동행정복지센터');
    const org = await h.db.organization.findUniqueOrThrow({ where: { name: '모라3동행정복지센터' } });
    expect(await recipients({ kind: 'org', id: org.id })).toEqual(['#console: 민관협력 봇 명령']);
    let renders = 0;
    await h.app.outbox.deliver(
      { kind: 'role', role: 'head' },
      (t) => {
        renders++;
        return { lines: [t('help.title')] };
      },
      'count-renders',
    );
    expect(renders).toBe(2);
  });
});
