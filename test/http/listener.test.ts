// The one HTTP listener: Slack (HTTP mode), the e-mail unsubscribe and the
// probes on one port, through the real adapters against the fakes.
import { afterEach, describe, expect, it } from 'vitest';
import { UnsubscribeTokens } from '../../src/adapters/email/tokens.ts';
import { signSlackRequest, slashCommandBody, startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';
import { createHarness, listenerUrl, type Harness } from '../support/harness.ts';
import { startSmtp, type Smtp } from '../support/smtp.ts';

const SECRET = 'listener-secret';
const UNSUBSCRIBE_SECRET = 'listener-test-secret-0123456789-abcdef';
let h: Harness | undefined;
let slack: FakeSlack | undefined;
let smtp: Smtp | undefined;

afterEach(async () => {
  await h?.close().catch(() => undefined);
  await slack?.stop();
  await smtp?.close();
  h = slack = smtp = undefined;
});

async function start(options: { slack?: boolean; locale?: 'ko' | 'en' } = {}) {
  smtp = await startSmtp();
  slack = options.slack === false ? undefined : await startFakeSlack();
  h = await createHarness({
    admins: ['slack:UADMIN'],
    locale: options.locale,
    ...(slack ? { slack: { botToken: 'xoxb-test', signingSecret: SECRET, apiUrl: slack.apiUrl } } : {}),
    email: {
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      from: 'bot@example.go.kr',
      fromAddress: 'bot@example.go.kr',
      publicUrl: 'https://bot.example.go.kr',
      unsubscribeSecret: UNSUBSCRIBE_SECRET,
    },
  });
  await h.startAdapters();
  return h;
}

describe('one HTTP listener', () => {
  it('/healthz answers 200 with Slack in HTTP mode, e-mail and the console on one port', async () => {
    const h = await start();
    expect(h.app.adapters.map((a) => a.platform).sort()).toEqual(['email', 'slack']);
    const res = await fetch(listenerUrl(h, '/healthz'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    // The console drives the same bot meanwhile.
    expect(await h.say('/help')).toContain('/meetup');
  });

  it('/readyz: 200 while the database answers, 503 naming it when it is gone', async () => {
    const h = await start();
    const ready = await fetch(listenerUrl(h, '/readyz'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    await h.db.$disconnect();
    // A closed client reconnects on the next query; a removed database file is gone for good.
    (h.db as unknown as { $queryRaw: () => Promise<never> }).$queryRaw = () => Promise.reject(new Error('database gone'));
    const gone = await fetch(listenerUrl(h, '/readyz'));
    expect(gone.status).toBe(503);
    expect(await gone.json()).toEqual({ status: 'not ready', failing: ['database'] });
  });

  it('a signed Slack command on the shared port is answered; an unsigned one is 401', async () => {
    const h = await start();
    const body = slashCommandBody({
      command: '/help',
      text: '',
      user_id: 'UADMIN',
      channel_id: 'C1',
      response_url: slack!.responseUrl('help'),
    });
    const res = await fetch(listenerUrl(h, '/slack/events'), { method: 'POST', headers: signSlackRequest(SECRET, body) as never, body });
    expect(res.status).toBe(200);
    await slack!.waitForResponse((r) => r.id === 'help');
    const forged = await fetch(listenerUrl(h, '/slack/events'), {
      method: 'POST',
      headers: signSlackRequest('wrong-secret', body) as never,
      body,
    });
    expect(forged.status).toBe(401);
  });

  it('the unsubscribe pages on the shared port speak the member language; a bad link the bot default', async () => {
    const h = await start({ slack: false, locale: 'en' });
    const member = await h.db.member.create({ data: { name: 'Mora', email: 'mora@example.go.kr', locale: 'en' } });
    const korean = await h.db.member.create({ data: { name: '김모라', email: 'kim@example.go.kr', locale: 'ko' } });
    const tokens = new UnsubscribeTokens(UNSUBSCRIBE_SECRET);
    const link = (id: number) => listenerUrl(h, `/email/unsubscribe?m=${id}&t=${tokens.sign(id)}`);
    const page = await fetch(link(member.id));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('>Unsubscribe</button>');
    expect(await (await fetch(link(korean.id))).text()).toContain('<html lang="ko">');
    const done = await fetch(link(member.id), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Done.');
    // No member behind a bad link: the bot's default language (BOT_LOCALE, here en).
    const bad = await fetch(listenerUrl(h, `/email/unsubscribe?m=${member.id}&t=${'A'.repeat(32)}`));
    expect(bad.status).toBe(403);
    expect(await bad.text()).toContain('This link is not valid');
  });
});
