// E-mail end to end: a real SMTP server (smtp-server) on 127.0.0.1 inside the
// test; cards delivered to { kind: 'email', memberId } through the app's
// outbox, sent by the 'email' sender over SMTP (nodemailer), read back and
// parsed (mailparser). Then the one-click unsubscribe endpoint.
import { PassThrough } from 'node:stream';
import { simpleParser, type ParsedMail } from 'mailparser';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EmailAdapter } from '../../src/adapters/email/email-adapter.ts';
import { renderEmail } from '../../src/adapters/email/render.ts';
import { createApp, type App } from '../../src/app.ts';
import type { Card } from '../../src/core/card.ts';
import { TestClock } from '../../src/core/clock.ts';
import type { Invocation } from '../../src/core/command.ts';
import type { Message } from '../../src/core/deliver.ts';
import { freshDatabaseUrl } from '../support/harness.ts';
import { startSmtp, type Smtp } from '../support/smtp.ts';

const FROM = 'bot@example.go.kr';
const PUBLIC_URL = 'https://bot.example.go.kr';


let app: App | undefined;
const emailOf = (app: App) => app.adapters.find((a) => a.platform === 'email') as EmailAdapter;
let smtp: Smtp | undefined;
afterEach(async () => {
  await app?.stop();
  await smtp?.close();
  app = smtp = undefined;
});

async function setup(options: { publicUrl?: boolean } = { publicUrl: true }) {
  smtp = await startSmtp();
  const clock = new TestClock('2026-11-30T00:00:00Z');
  app = await createApp(
    {
      databaseUrl: freshDatabaseUrl(),
      admins: [],
      locale: 'ko',
      logLevel: 'silent',
      email: {
        smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
        from: `민관협력 봇 <${FROM}>`,
        fromAddress: FROM,
        publicUrl: options.publicUrl ? PUBLIC_URL : undefined,
        unsubscribeSecret: options.publicUrl ? 'test-secret-0123456789-abcdefghijklmnop' : undefined,
      },
    },
    {
      clock,
      logger: pino({ level: 'silent' }),
      console: { input: new PassThrough(), output: new PassThrough(), notices: new PassThrough(), interactive: false },
      migrate: false,
      sender: { baseBackoffMs: 1_000 },
    },
  );
  const { db } = app;
  const admin = await db.member.create({
    data: { name: '관리자', roles: { create: [{ role: 'admin' }] }, identities: { create: [{ platform: 'console', userId: 'admin' }] } },
  });
  const mora = await db.member.create({ data: { name: '김모라', email: 'mora3@example.go.kr', roles: { create: [{ role: 'head' }] } } });
  const english = await db.member.create({ data: { name: 'Alex Kim', email: 'alex@example.org', locale: 'en' } });
  const noAddress = await db.member.create({ data: { name: '박주소없음' } });
  const retired = await db.member.create({ data: { name: '최퇴직', email: 'retired@example.go.kr', status: 'retired' } });
  return { app, smtp, clock, drain: () => app!.senders.get('email')!.drain(), members: { admin, mora, english, noAddress, retired } };
}

const digest: Message = (t) =>
  t.locale === 'en'
    ? { title: '[Cooperation] Week 5 of November — Mora 3-dong', lines: ['2 meetups this week.'] }
    : ({
        title: '[민관협력] 11월 5주차 요약 — 모라3동',
        lines: ['이번 주 회의 2건, 안건 <script>alert(1)</script> & "인용"', '둘째 줄'],
        fields: [{ label: '다음 회의', value: '12월 3일(목) 14:00' }],
        buttons: [{ label: '참석', command: '/meetup rsvp 12 참석' }],
        footer: '모라3동 행정복지센터',
      } satisfies Card);

function header(mail: ParsedMail, name: string): string | undefined {
  return mail.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '').replace(/\r?\n[ \t]+/g, ' ');
}

describe('e-mail through the outbox', () => {
  it('sends one message per member and key: Korean subject, text and HTML, List-Unsubscribe, From/To', async () => {
    const { app, smtp, drain, members } = await setup();
    expect(await app.outbox.deliver({ kind: 'email', memberId: members.mora.id }, digest, 'digest:2026-W49')).toBe(1);
    expect(await drain()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    const [got] = smtp.received;
    expect(got.from).toBe(FROM);
    expect(got.to).toEqual(['mora3@example.go.kr']);

    // The subject is an encoded word in the raw header and reads back intact.
    expect(got.raw.toString('latin1')).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
    const mail = await simpleParser(got.raw);
    expect(mail.subject).toBe('[민관협력] 11월 5주차 요약 — 모라3동');
    expect(mail.from?.value[0]).toMatchObject({ address: FROM, name: '민관협력 봇' });
    expect((Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0].address).toBe('mora3@example.go.kr');

    expect(mail.text).toContain('이번 주 회의 2건, 안건 <script>alert(1)</script> & "인용"');
    expect(mail.text).toContain('다음 회의: 12월 3일(목) 14:00');
    expect(mail.text).toContain('참석: /meetup rsvp 12 참석');
    expect(mail.text).toContain(`${PUBLIC_URL}/email/unsubscribe?m=${members.mora.id}&t=`);

    const html = String(mail.html);
    expect(html).toContain('<h1 style="font-size:1.25em">[민관협력] 11월 5주차 요약 — 모라3동</h1>');
    expect(html).toContain('안건 &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;인용&quot;');
    expect(html).not.toMatch(/<script|<img|src=/i);
    expect(html).toContain('<code>/meetup rsvp 12 참석</code>');

    // RFC 8058 one-click (https) first, then the mailto: fallback.
    const listUnsubscribe = header(mail, 'list-unsubscribe')!;
    expect(listUnsubscribe).toMatch(
      new RegExp(`^<${PUBLIC_URL}/email/unsubscribe\\?m=${members.mora.id}&t=[A-Za-z0-9_-]{32}>, <mailto:${FROM}\\?subject=unsubscribe%20%23${members.mora.id}>$`),
    );
    expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(header(mail, 'auto-submitted')).toBe('auto-generated');

    // The Message-ID comes from the outbox key; the row keeps it as its ref.
    const row = await app.db.outboxMessage.findFirstOrThrow({ where: { platform: 'email' } });
    expect(row).toMatchObject({ status: 'sent', destKind: 'user', destId: `#${members.mora.id} mora3@example.go.kr` });
    expect(row.idempotencyKey).toBe(`digest:2026-W49@email:member:${members.mora.id}`);
    expect(mail.messageId).toBe(emailOf(app).transport.messageId(row.idempotencyKey));
    expect(row.messageRef).toBe(mail.messageId);

    // Exactly once: the same key again queues and sends nothing.
    expect(await app.outbox.deliver({ kind: 'email', memberId: members.mora.id }, digest, 'digest:2026-W49')).toBe(0);
    // Also after the address changed: one row per member and key.
    await app.db.member.update({ where: { id: members.mora.id }, data: { email: 'mora3-new@example.go.kr' } });
    expect(await app.outbox.deliver({ kind: 'email', memberId: members.mora.id }, digest, 'digest:2026-W49')).toBe(0);
    expect(await drain()).toBe(0);
    expect(smtp.received).toHaveLength(1);
  });

  it("renders in the member's language; members without an address, and inactive ones, get nothing", async () => {
    const { app, smtp, drain, members } = await setup();
    expect(await app.outbox.deliver({ kind: 'email', memberId: members.english.id }, digest, 'digest:w')).toBe(1);
    expect(await app.outbox.deliver({ kind: 'email', memberId: members.noAddress.id }, digest, 'digest:w')).toBe(0);
    expect(await app.outbox.deliver({ kind: 'email', memberId: members.retired.id }, digest, 'digest:w')).toBe(0);
    expect(await app.outbox.deliver({ kind: 'email', memberId: 99_999 }, digest, 'digest:w')).toBe(0);
    expect(await drain()).toBe(1);
    const mail = await simpleParser(smtp.received[0].raw);
    expect(mail.subject).toBe('[Cooperation] Week 5 of November — Mora 3-dong');
    expect(mail.text).toContain('2 meetups this week.');
    expect(String(mail.html)).toContain('<html lang="en">');
  });

  it('without PUBLIC_URL: mailto: only, no one-click header, no endpoint', async () => {
    const { app, smtp, drain, members } = await setup({ publicUrl: false });
    expect(emailOf(app).unsubscribe).toBeUndefined();
    expect(app.http).toBeUndefined(); // nothing needs the listener
    await app.outbox.deliver({ kind: 'email', memberId: members.mora.id }, digest, 'k');
    expect(await drain()).toBe(1);
    const mail = await simpleParser(smtp.received[0].raw);
    expect(header(mail, 'list-unsubscribe')).toBe(`<mailto:${FROM}?subject=unsubscribe%20%23${members.mora.id}>`);
    expect(header(mail, 'list-unsubscribe-post')).toBeUndefined();
    expect(mail.text).toContain(`${FROM} 로 "수신거부" 메일을 보내 주세요`);
  });

  it('an SMTP 4xx is retried with backoff and then delivered', async () => {
    const { app, smtp, clock, drain, members } = await setup();
    let tries = 0;
    smtp.state.reply = () => (++tries === 1 ? 451 : undefined);
    await app.outbox.deliver({ kind: 'email', memberId: members.mora.id }, digest, 'k4');
    expect(await drain()).toBe(0);
    const row = await app.db.outboxMessage.findFirstOrThrow({ where: { platform: 'email' } });
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.lastError).toMatch(/^SMTP 451/);
    expect(smtp.received).toHaveLength(0);
    expect(await drain()).toBe(0); // not due yet
    clock.advance(1_000);
    expect(await drain()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    expect(await app.db.outboxMessage.findFirstOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('an SMTP 5xx fails for good and the admins are told, as for chat failures', async () => {
    const { app, smtp, drain, members } = await setup();
    smtp.state.reply = (address) => (address === 'mora3@example.go.kr' ? 550 : undefined);
    await app.outbox.deliver({ kind: 'email', memberId: members.mora.id }, digest, 'k5');
    expect(await drain()).toBe(0);
    const row = await app.db.outboxMessage.findFirstOrThrow({ where: { platform: 'email' } });
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.lastError).toMatch(/^SMTP 550/);
    const report = await app.db.outboxMessage.findFirstOrThrow({ where: { idempotencyKey: { startsWith: 'delivery-failed:' } } });
    expect(report).toMatchObject({ platform: 'console', destKind: 'user', destId: 'admin' });
    expect(report.card).toContain(`#${members.mora.id} mora3@example.go.kr`);
    expect(report.card).toContain('SMTP 550');
    expect(smtp.received).toHaveLength(0);
  });
});

describe('one-click unsubscribe', () => {
  async function withLink() {
    const s = await setup();
    await s.app.startAdapters();
    await s.app.outbox.deliver({ kind: 'email', memberId: s.members.mora.id }, digest, 'k');
    await s.drain();
    const mail = await simpleParser(s.smtp.received[0].raw);
    const https = /<(https:[^>]+)>/.exec(header(mail, 'list-unsubscribe')!)![1];
    const local = https.replace(PUBLIC_URL, `http://127.0.0.1:${s.app.http!.port}`);
    return { ...s, link: local, spy: vi.spyOn(s.app.bot, 'handleText') };
  }
  const oneClick = (url: string) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click', redirect: 'manual' });

  it('GET shows a Korean confirmation page with a button and runs nothing', async () => {
    const { link, spy } = await withLink();
    const res = await fetch(link);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await res.text();
    expect(page).toContain('<html lang="ko">');
    expect(page).toContain('메일 수신거부');
    expect(page).toMatch(/<form method="post" action="\?m=\d+&amp;t=[A-Za-z0-9_-]{32}"><button type="submit"[^>]*>수신거부<\/button>/);
    expect(spy).not.toHaveBeenCalled();
  });

  it('POST with a good token runs `/digest off email` as that member', async () => {
    const { app, link, spy, members } = await withLink();
    const res = await oneClick(link);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('처리했습니다.');
    expect(spy).toHaveBeenCalledTimes(1);
    const [text, invocation] = spy.mock.calls[0] as [string, Invocation];
    expect(text).toBe('/digest off email');
    expect(invocation).toMatchObject({ platform: 'email', platformUserId: `member:${members.mora.id}` });
    // The bot takes that invocation for the member (no chat account is created for it).
    const actor = await app.bot.deps.resolveActor(invocation);
    expect(actor).toMatchObject({ memberId: members.mora.id, name: '김모라', platform: 'email' });
    expect([...actor.roles]).toEqual(['head']);
    expect(await app.db.chatIdentity.count({ where: { platform: 'email' } })).toBe(0);
  });

  it('a bad, altered or borrowed token does nothing', async () => {
    const { link, spy, members } = await withLink();
    const url = new URL(link);
    const token = url.searchParams.get('t')!;
    const variants = [
      link.replace(/t=[^&]+/, `t=${'A'.repeat(32)}`),
      link.replace(/t=[^&]+/, `t=${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`),
      link.replace(/t=[^&]+/, 't='),
      link.replace(/m=\d+/, `m=${members.english.id}`), // another member with this member's token
      link.replace(/m=\d+/, 'm=abc'),
      link.replace(/\?.*$/, ''),
    ];
    for (const bad of variants) {
      const res = await oneClick(bad);
      expect(res.status, bad).toBe(403);
      expect(await res.text()).toContain('링크가 올바르지 않습니다');
    }
    expect((await fetch(link.replace('/email/unsubscribe', '/other'), { method: 'POST' })).status).toBe(404);
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('rendering', () => {
  it('falls back to the first line for the subject, keeps headers on one line, escapes everything', () => {
    const out = renderEmail({ lines: ['첫 줄\r\nBcc: evil@example.com', '<b>둘째</b>'], select: { placeholder: '', options: [{ label: '2번', command: '/poll vote 7 2' }] } });
    expect(out.subject).toBe('첫 줄 Bcc: evil@example.com');
    expect(out.html).toContain('&lt;b&gt;둘째&lt;/b&gt;');
    expect(out.html).not.toContain('<b>');
    expect(out.text).toContain('2번: /poll vote 7 2');
    expect(out.text).not.toContain('수신거부'); // no footer without an unsubscribe way
  });
});
