// The one HTTP listener: Slack (HTTP mode), the e-mail unsubscribe and the
// probes on one port, through the real adapters against the fakes.
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { UnsubscribeTokens } from '../../src/adapters/email/tokens.ts';
import { signSlackRequest, slashCommandBody, startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';
import { createHarness, freshDatabaseUrl, listenerUrl, type Harness, type HarnessOptions } from '../support/harness.ts';
import { onPostgres, TEMPLATE_DB, TEST_TMP } from '../support/paths.ts';
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

async function start(options: { slack?: boolean; locale?: 'ko' | 'en'; databaseUrl?: string; app?: HarnessOptions['app'] } = {}) {
  smtp = await startSmtp();
  slack = options.slack === false ? undefined : await startFakeSlack();
  h = await createHarness({
    admins: ['slack:UADMIN'],
    locale: options.locale,
    databaseUrl: options.databaseUrl,
    app: options.app,
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

  it.skipIf(onPostgres)('/readyz: 200 while the database answers, 503 naming it when it is gone', async () => {
    // The SQLite file in a folder of its own: with the client closed and the folder removed, nothing answers.
    const dir = join(TEST_TMP, `gone-${randomUUID()}`);
    mkdirSync(dir);
    copyFileSync(TEMPLATE_DB, join(dir, 'bot.db'));
    const h = await start({ databaseUrl: `file:${join(dir, 'bot.db')}` });
    const ready = await fetch(listenerUrl(h, '/readyz'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    await h.db.$disconnect();
    rmSync(dir, { recursive: true });
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

  it('starts only when something needs it: not for the console alone, but when PORT is set (for the probes)', async () => {
    h = await createHarness();
    await h.startAdapters();
    expect(h.app.http).toBeUndefined();
    const config = loadConfig({ PORT: '0' });
    expect(config.http).toEqual({ host: '127.0.0.1', port: 0, explicit: true });
    const app = await createApp(
      { ...config, databaseUrl: freshDatabaseUrl() },
      { clock: h.clock, logger: pino({ level: 'silent' }), migrate: false },
    );
    try {
      await app.startAdapters();
      expect((await fetch(`http://127.0.0.1:${app.http?.port}/healthz`)).status).toBe(200);
    } finally {
      await app.stop();
    }
  });

  it('UNSUBSCRIBE_PORT is ignored with a warning in the bot language', async () => {
    let logged = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logged += chunk;
        done();
      },
    });
    const logger = pino({ level: 'warn' }, sink);
    smtp = await startSmtp();
    h = await createHarness({
      email: {
        smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
        from: 'bot@example.go.kr',
        fromAddress: 'bot@example.go.kr',
        ignoredUnsubscribePort: 3001,
      },
      app: { logger },
    });
    await h.startAdapters();
    expect(logged).toContain('UNSUBSCRIBE_PORT(3001)는 더 이상 쓰지 않습니다');
    expect(h.app.http).toBeUndefined();
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
