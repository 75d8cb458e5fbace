// A week's digests on the wire: by e-mail over a real SMTP server on
// 127.0.0.1 (subject, both bodies, List-Unsubscribe, no resident data), and
// by DM through the real Bolt (Slack) and discord.js (Discord); long digests
// stay within each platform's limits.
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recipients, sendDigests } from '../../../src/features/digests/service.ts';
import type { FakeDiscord } from '../../support/fake-discord.ts';
import type { FakeSlack } from '../../support/fake-slack.ts';
import type { Harness } from '../../support/harness.ts';
import { startBothPlatforms, type BothPlatforms } from '../../support/platforms.ts';
import { startSmtp, type Smtp } from '../../support/smtp.ts';

let slack: FakeSlack;
let discord: FakeDiscord;
let smtp: Smtp;
let h: Harness;
const LONG = '아주 긴 제목의 정례모임입니다 '.repeat(12).trim(); // ~200 characters

let both: BothPlatforms;
beforeAll(async () => {
  smtp = await startSmtp();
  both = await startBothPlatforms('digest-secret', {
    now: '2026-11-29T23:00:00Z', // Monday 2026-11-30 08:00 KST
    email: { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: '민관협력 봇 <bot@example.go.kr>', fromAddress: 'bot@example.go.kr', publicUrl: 'https://bot.example.go.kr', unsubscribeSecret: 'digest-test-secret-0123456789-abcdef' },
  });
  ({ slack, discord, h } = both);
  await h.run(
    '/org add 행정복지센터 모라3동행정복지센터 dong=모라3동 sigungu=사상구',
    '/org add 사회복지관 행복종합사회복지관 dong=모라3동 sigungu=사상구',
    '/org link 행복종합사회복지관 모라3동행정복지센터 kind=거점',
    '/member add 모라동장 org=모라3동행정복지센터 position=동장 role=기관장 email=mora@example.go.kr',
    '/member add 박관장 org=행복종합사회복지관 position=관장 role=기관장',
  );
  // Eight weekly series with long titles: sections must clip to five lines and the rest counted.
  for (let i = 1; i <= 8; i++) {
    await h.say(`/meetup create title="${LONG} ${i}" org=행복종합사회복지관 with=모라3동행정복지센터 repeat="매주 목요일" start=2026-11-26 time=1${i % 8}:00`);
  }
  await h.db.chatIdentity.create({ data: { platform: 'slack', userId: 'UMORA', memberId: 2 } });
  await h.db.chatIdentity.create({ data: { platform: 'discord', userId: '4000000000000000333', memberId: 3 } });
});
afterAll(async () => {
  await both.stop();
  await smtp.close();
});

describe('digest delivery', () => {
  it('e-mail, Slack DM and Discord DM, once each; within the platforms\' limits', async () => {
    const people = await recipients(h.app.context());
    expect(await sendDigests(h.app.context(), '2026-11-30', people)).toBe(2);
    // Sent again (a crash and a rerun): the outbox keys make it a no-op.
    await sendDigests(h.app.context(), '2026-11-30', people);
    expect(await h.drain('email')).toBe(1);
    expect(await h.drain('slack')).toBe(1);
    expect(await h.drain('discord')).toBe(1);

    // E-mail: subject with the week, both bodies, one-click unsubscribe, nothing about residents.
    expect(smtp.received).toHaveLength(1);
    const mail = await simpleParser(smtp.received[0].raw);
    expect(mail.subject).toBe('[민관협력] 12월 1주차 요약 — 모라3동행정복지센터');
    expect(mail.text).toContain('이번 주 모임');
    expect(mail.text).toContain('…외 3건');
    expect(mail.html).toContain('이번 주 모임');
    const header = (name: string) => mail.headerLines.find((l) => l.key === name)?.line ?? '';
    expect(header('list-unsubscribe')).toMatch(/https:\/\/bot\.example\.go\.kr\/email\/unsubscribe\?m=2&t=/);
    expect(header('list-unsubscribe-post')).toContain('List-Unsubscribe=One-Click');
    expect(`${mail.text}${mail.html}`).not.toMatch(/01[016-9]-?\d{3,4}-?\d{4}|\d{6}-[1-4]\d{6}/);

    // Slack: the 동장's DM; every text block within Slack's 3,000 characters.
    const post = await slack.waitForCall('chat.postMessage');
    const blocks = JSON.parse(JSON.stringify(post.body.blocks ?? [])) as { text?: { text: string } }[];
    expect(JSON.stringify(post.body)).toContain('12월 1주차 요약');
    for (const block of blocks) expect((block.text?.text ?? '').length).toBeLessThanOrEqual(3000);

    // Discord: the 관장's DM; embed within Discord's limits.
    const dm = await discord.waitForCall((c) => c.method === 'POST' && /^\/channels\/dm-[^/]+\/messages$/.test(c.path));
    const embed = (dm.body as { embeds: { title?: string; description?: string; fields?: { name: string; value: string }[] }[] }).embeds[0];
    expect(embed.title ?? '').toContain('12월 1주차 요약 — 행복종합사회복지관');
    expect((embed.title ?? '').length).toBeLessThanOrEqual(256);
    expect((embed.description ?? '').length).toBeLessThanOrEqual(4096);
    for (const field of embed.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(1024);
  });
});
