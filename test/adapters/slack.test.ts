// The real Bolt app (HTTP and Socket Mode) against a fake Slack on 127.0.0.1.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actionId } from '../../src/core/actions.ts';
import {
  blockActionBody,
  blockActionPayload,
  interactiveEnvelope,
  signSlackRequest,
  slashCommandBody,
  slashCommandPayload,
  slashEnvelope,
  startFakeSlack,
  viewSubmissionBody,
  type FakeSlack,
} from '../support/fake-slack.ts';
import { createHarness, slackEventsUrl, type Harness } from '../support/harness.ts';

const SECRET = 'test-signing-secret';
const ADMIN = 'U111';

let fake: FakeSlack;
let h: Harness;
let eventsUrl: string;
let triggers = 0;

beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(() => fake.stop());

beforeEach(async () => {
  fake.reset();
  h = await createHarness({
    admins: [`slack:${ADMIN}`],
    slack: { botToken: 'xoxb-test', signingSecret: SECRET, apiUrl: fake.apiUrl },
  });
  await h.startAdapters();
  eventsUrl = slackEventsUrl(h);
});
afterEach(() => h.close());

function post(body: string, headers: object) {
  return fetch(eventsUrl, { method: 'POST', headers: headers as Record<string, string>, body });
}

/** A signed slash command; resolves with Slack's HTTP status and the bot's answer on response_url. */
async function slash(text: string, fields: Record<string, string> = {}) {
  const [command, ...rest] = text.split(' ');
  const triggerId = fields.trigger_id ?? `trig-${++triggers}`;
  const responseUrl = fake.responseUrl(triggerId);
  const body = slashCommandBody({ command, text: rest.join(' '), user_id: ADMIN, trigger_id: triggerId, response_url: responseUrl, ...fields });
  const res = await post(body, signSlackRequest(SECRET, body));
  return { status: res.status, triggerId, responseUrl, body };
}

async function answer(responseUrl: string) {
  return (await fake.waitForResponse((r) => responseUrl.endsWith(`/response/${r.id}`))).body as {
    response_type?: string;
    replace_original?: boolean;
    text: string;
    blocks: { type: string; elements?: { action_id?: string; options?: { value: string }[] }[] }[];
  };
}

describe('Slack HTTP mode', () => {
  it('signed slash command -> ack 200 -> answer on response_url; the org is stored', async () => {
    const sent = await slash('/org add 사회복지관 행복종합사회복지관 dong=모라3동');
    expect(sent.status).toBe(200);
    const reply = await answer(sent.responseUrl);
    expect(reply.response_type).toBe('in_channel');
    expect(reply.text).toContain('행복종합사회복지관(#1)을(를) 등록했습니다');
    expect(await h.db.organization.count()).toBe(1);
  });

  it('bad signature and stale timestamp -> 401, handler not run', async () => {
    const body = slashCommandBody({ command: '/org', text: 'add 기타 가짜기관', user_id: ADMIN, response_url: fake.responseUrl('x') });
    const forged = await post(body, { ...signSlackRequest('wrong-secret', body) });
    expect(forged.status).toBe(401);
    const stale = await post(body, signSlackRequest(SECRET, body, Math.floor(Date.now() / 1000) - 600));
    expect(stale.status).toBe(401);
    expect(await h.db.organization.count()).toBe(0);
    expect(fake.responses).toHaveLength(0);
  });

  it('a retried delivery (X-Slack-Retry-Num) is processed once', async () => {
    const first = await slash('/org add 기타 자활센터');
    await answer(first.responseUrl);
    const retry = await post(first.body, { ...signSlackRequest(SECRET, first.body), 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    expect(retry.status).toBe(200);
    expect(await h.db.organization.count()).toBe(1);
    expect(fake.responses).toHaveLength(1);
  });

  it('binds the channel, lists, and a button press updates the message', async () => {
    await answer((await slash('/org add 사회복지관 행복복지관')).responseUrl);
    const bind = await answer((await slash('/channel bind 행복복지관', { channel_id: 'C777' })).responseUrl);
    expect(bind.text).toContain('이 채널(#C777)을 행복복지관의 채널로 연결했습니다');
    expect(await h.db.channelBinding.findFirst()).toMatchObject({ platform: 'slack', channelId: 'C777' });

    const press = blockActionBody({
      actionId: actionId({ command: '/org list', updatesMessage: true }),
      value: '/org list',
      userId: ADMIN,
      channelId: 'C777',
      responseUrl: fake.responseUrl('press-1'),
    });
    expect((await post(press, signSlackRequest(SECRET, press))).status).toBe(200);
    const updated = await answer(fake.responseUrl('press-1'));
    expect(updated.replace_original).toBe(true);
    expect(updated.text).toContain('등록된 조직 (1곳)');
  });

  it('/help renders a select; choosing an option answers with that command', async () => {
    const help = await answer((await slash('/help')).responseUrl);
    expect(help.response_type).toBe('ephemeral');
    const select = help.blocks.find((b) => b.type === 'actions')?.elements?.[0];
    const option = select?.options?.find((o) => o.value.endsWith('/help org'));
    expect(option).toBeDefined();
    const payload = JSON.parse(
      decodeURIComponent(blockActionBody({ actionId: 'select', userId: ADMIN, responseUrl: fake.responseUrl('sel-1') }).slice('payload='.length)),
    );
    payload.actions = [{ type: 'static_select', action_id: 'select', block_id: 'b', selected_option: { value: option?.value }, action_ts: '1' }];
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    await post(body, signSlackRequest(SECRET, body));
    expect((await answer(fake.responseUrl('sel-1'))).text).toContain('/org');
  });

  it('a command without its required options opens a modal; submitting it runs the command', async () => {
    const sent = await slash('/org add', { channel_id: 'C555' });
    const open = await fake.waitForCall('views.open');
    const view = open.body.view as { callback_id: string; private_metadata: string; blocks: { block_id: string; optional: boolean }[] };
    expect(view.callback_id).toBe('form');
    expect(view.blocks.map((b) => [b.block_id, b.optional])).toEqual([
      ['kind', false],
      ['name', false],
      ['dong', true],
      ['sigungu', true],
    ]);
    expect(open.body.trigger_id).toBe(sent.triggerId);

    const submit = viewSubmissionBody({
      callbackId: 'form',
      privateMetadata: view.private_metadata,
      userId: ADMIN,
      values: {
        kind: { value: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: '사회복지관' }, value: 'welfare-centre' } } },
        name: { value: '새복지관' },
        dong: { value: { type: 'plain_text_input', value: '' } },
      },
    });
    const res = await post(submit, signSlackRequest(SECRET, submit));
    expect(res.status).toBe(200);
    const posted = await fake.waitForCall('chat.postMessage');
    expect(posted.body.channel).toBe('C555');
    expect(String(posted.body.text)).toContain('새복지관(#1)');
    expect(await h.db.organization.findFirst({ where: { name: '새복지관' } })).toMatchObject({ kind: 'welfare-centre' });
  });

  it('an invalid modal submission keeps the form open with the error', async () => {
    await slash('/org add');
    const view = (await fake.waitForCall('views.open')).body.view as { private_metadata: string };
    const submit = viewSubmissionBody({ callbackId: 'form', privateMetadata: view.private_metadata, userId: ADMIN, values: { kind: { value: '병원' }, name: { value: 'x' } } });
    const res = await post(submit, signSlackRequest(SECRET, submit));
    const body = (await res.json()) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.values(body.errors)[0]).toContain('`kind` 값을 알 수 없습니다');
    expect(await h.db.organization.count()).toBe(0);
  });

  it('/meetup ics answers in the channel and sends the .ics file to the caller\'s DM', async () => {
    await h.run('/org add 사회복지관 행복복지관', '/meetup create title=정례모임 kind=정례모임 org=행복복지관 repeat=monthly:2:화 start=2026-12-01 time=14:00');
    const reply = await answer((await slash('/meetup ics 1 months=2')).responseUrl);
    expect(reply.text).toContain('달력 파일(.ics)을 만들었습니다: 일정 2건');
    const complete = await fake.waitForCall('files.completeUploadExternal');
    expect(complete.body.channel_id).toBe(`D${ADMIN}`);
    expect(JSON.stringify(complete.body.files)).toContain('meetup-1.ics');
    expect(fake.uploads[0].bytes).toBeGreaterThan(200);
  });

  it('an unlinked user is told how to link; an admin approves the request by button', async () => {
    await answer((await slash('/member me')).responseUrl); // links the admin (BOT_ADMINS)
    const refused = await answer((await slash('/org list', { user_id: 'U999', user_name: 'newbie' })).responseUrl);
    expect(refused.response_type).toBe('ephemeral');
    expect(refused.text).toContain('`/member link <코드>`');
    const requested = await answer((await slash('/member link', { user_id: 'U999', user_name: 'newbie' })).responseUrl);
    expect(requested.text).toContain('연결 요청(#1)');

    // Admins hear of requests in one batched DM, a minute after the first.
    h.clock.advance(61_000);
    await h.drain('slack');
    const dm = fake.callsTo('chat.postMessage').find((c) => String(c.body.text).includes('계정 연결 요청'));
    expect(dm?.body.channel).toBe(`D${ADMIN}`);
    expect(JSON.stringify(dm?.body.blocks)).toContain(actionId({ command: '/member approve 1' }));
    const approve = blockActionBody({
      actionId: actionId({ command: '/member approve 1' }),
      userId: ADMIN,
      responseUrl: fake.responseUrl('approve'),
    });
    await post(approve, signSlackRequest(SECRET, approve));
    expect((await answer(fake.responseUrl('approve'))).text).toContain('slack 계정을 newbie');
    const listed = await answer((await slash('/org list', { user_id: 'U999', user_name: 'newbie' })).responseUrl);
    expect(listed.text).toContain('아직 등록된 조직이 없습니다');
  });

  it('a one-time code links a Slack account to an existing member', async () => {
    await h.say('/member add 김민수 role=staff');
    const codeLine = await h.say('/member code 김민수');
    const code = /([A-Z2-9]{4}-[A-Z2-9]{4})/.exec(codeLine)?.[1] as string;
    const linked = await answer((await slash(`/member link ${code}`, { user_id: 'U555' })).responseUrl);
    expect(linked.text).toContain('김민수(#2) 님으로 연결했습니다');
    const again = await answer((await slash(`/member link ${code}`, { user_id: 'U556' })).responseUrl);
    expect(again.text).toContain('연결 코드가 맞지 않거나');
  });
});

describe('Slack outbox: DMs, rate limits, outages, failures, restarts', () => {
  async function memberOnSlack() {
    await h.say('/member add 박영희');
    await h.db.chatIdentity.create({ data: { platform: 'slack', userId: 'U222', memberId: 2 } });
    return 2;
  }

  it('a DM goes through conversations.open and carries its idempotency key', async () => {
    const id = await memberOnSlack();
    expect(await h.app.outbox.deliver({ kind: 'member', id }, { lines: ['안녕하세요'] }, 'hello-1')).toBe(1);
    expect(await h.app.outbox.deliver({ kind: 'member', id }, { lines: ['안녕하세요'] }, 'hello-1')).toBe(0);
    expect(await h.drain('slack')).toBe(1);
    expect((await fake.waitForCall('conversations.open')).body.users).toBe('U222');
    const post = await fake.waitForCall('chat.postMessage');
    expect(post.body).toMatchObject({ channel: 'DU222', text: '안녕하세요' });
    expect(post.body.metadata).toEqual({ event_type: 'outbox_message', event_payload: { key: 'hello-1@slack:user:U222' } });
    expect(await h.drain('slack')).toBe(0);
  });

  it('429 with Retry-After pauses the queue, then the message is sent once', async () => {
    fake.failNext('chat.postMessage', { status: 429, headers: { 'retry-after': '7' } });
    await h.app.outbox.deliver({ kind: 'channel', platform: 'slack', channelId: 'C1' }, { lines: ['공지'] }, 'notice-1');
    expect(await h.drain('slack')).toBe(0);
    const row = await h.db.outboxMessage.findFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', attempts: 0 });
    expect(row.nextAttemptAt.getTime() - h.clock.now().getTime()).toBe(7000);
    h.clock.advance(6000);
    expect(await h.drain('slack')).toBe(0);
    h.clock.advance(1000);
    expect(await h.drain('slack')).toBe(1);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
    expect(await h.db.outboxMessage.findFirstOrThrow()).toMatchObject({ status: 'sent' });
  });

  it('Slack down: the message waits in the outbox and goes out after recovery', async () => {
    fake.setDown(true);
    await h.app.outbox.deliver({ kind: 'channel', platform: 'slack', channelId: 'C1' }, { lines: ['회의 안내'] }, 'notice-2');
    expect(await h.drain('slack')).toBe(0);
    h.clock.advance(2000);
    expect(await h.drain('slack')).toBe(0);
    expect(await h.db.outboxMessage.findFirstOrThrow()).toMatchObject({ status: 'pending', attempts: 2 });
    fake.setDown(false);
    h.clock.advance(4000);
    expect(await h.drain('slack')).toBe(1);
    expect(fake.callsTo('chat.postMessage').filter((c) => c.status === 200)).toHaveLength(1);
  });

  it('a deleted channel fails for good, is never retried, and admins are told', async () => {
    await answer((await slash('/member me')).responseUrl); // the admin is linked on Slack
    fake.failNext('chat.postMessage', { body: { ok: false, error: 'channel_not_found' } });
    await h.app.outbox.deliver({ kind: 'channel', platform: 'slack', channelId: 'CGONE' }, { lines: ['x'] }, 'gone-1');
    await h.drain('slack');
    const failed = await h.db.outboxMessage.findFirstOrThrow({ where: { idempotencyKey: { startsWith: 'gone-1' } } });
    expect(failed).toMatchObject({ status: 'failed', lastError: 'channel_not_found', attempts: 1 });
    h.clock.advance(3600_000);
    await h.drain('slack');
    const report = fake.callsTo('chat.postMessage').find((c) => String(c.body.text).includes('메시지를 보내지 못했습니다'));
    expect(report?.body.channel).toBe(`D${ADMIN}`);
    expect(fake.callsTo('chat.postMessage').filter((c) => c.body.channel === 'CGONE')).toHaveLength(1);
  });

  it('after a crash between sending and recording, the message is not sent twice', async () => {
    await h.app.outbox.deliver({ kind: 'channel', platform: 'slack', channelId: 'C1' }, { lines: ['posted'] }, 'crash-1');
    await h.app.outbox.deliver({ kind: 'channel', platform: 'slack', channelId: 'C1' }, { lines: ['lost'] }, 'crash-2');
    // Simulate the crash: both were claimed (status sending) by a process that died 5 minutes ago
    // (past the 2-minute sending lease); only crash-1 reached Slack.
    await h.db.outboxMessage.updateMany({ data: { status: 'sending', claimedAt: new Date(h.clock.now().getTime() - 5 * 60_000), attempts: 1 } });
    fake.on('conversations.history', () => ({
      body: { ok: true, messages: [{ ts: '111.1', metadata: { event_type: 'outbox_message', event_payload: { key: 'crash-1@slack:channel:C1' } } }] },
    }));
    const sender = h.app.senders.get('slack');
    await sender?.recover();
    await h.drain('slack');
    const posts = fake.callsTo('chat.postMessage');
    expect(posts.map((p) => p.body.text)).toEqual(['lost']);
    expect(await h.db.outboxMessage.findMany({ orderBy: { id: 'asc' }, select: { status: true, messageRef: true } })).toEqual([
      { status: 'sent', messageRef: 'C1:111.1' },
      { status: 'sent', messageRef: expect.stringMatching(/^C1:/) },
    ]);
  });
});

describe('Slack Socket Mode', () => {
  it('the same scenario over the socket: add, bind, list, press a button', async () => {
    const socketHarness = await createHarness({
      admins: [`slack:${ADMIN}`],
      slack: { botToken: 'xoxb-test', appToken: 'xapp-test', apiUrl: fake.apiUrl },
    });
    await socketHarness.startAdapters();
    await fake.waitForSocket();
    const command = async (cmd: string, text: string, id: string, channel = 'C123') => {
      const payload = slashCommandPayload(
        { command: cmd, text, user_id: ADMIN, channel_id: channel, trigger_id: id, response_url: fake.responseUrl(id) },
        fake,
      );
      const ack = await fake.socketSend(slashEnvelope(payload));
      expect(ack.envelope_id).toBeDefined();
      return answer(fake.responseUrl(id));
    };
    expect((await command('/org', 'add 사회복지관 소켓복지관', 'sock-1')).text).toContain('소켓복지관(#1)');
    expect((await command('/channel', 'bind 소켓복지관', 'sock-2', 'C900')).text).toContain('이 채널(#C900)을 소켓복지관의 채널로');
    expect((await command('/org', 'list', 'sock-3')).text).toContain('#1 소켓복지관');
    const press = blockActionPayload(
      { actionId: actionId({ command: '/org show 1', updatesMessage: true }), userId: ADMIN, channelId: 'C900', responseUrl: fake.responseUrl('sock-4') },
      fake,
    );
    await fake.socketSend(interactiveEnvelope(press));
    const shown = await answer(fake.responseUrl('sock-4'));
    expect(shown.replace_original).toBe(true);
    expect(JSON.stringify(shown.blocks)).toContain('slack:C900');
    expect(fake.callsTo('apps.connections.open')[0].auth).toBe('Bearer xapp-test');
    await socketHarness.close();
  });
});

describe('Slack retries across a restart', () => {
  it('a retry that arrives after a restart is recognised from the database', async () => {
    const first = await slash('/org add 기타 재시도기관');
    await answer(first.responseUrl);
    const databaseUrl = h.databaseUrl;
    await h.close();
    h = await createHarness({ databaseUrl, admins: [`slack:${ADMIN}`], slack: { botToken: 'xoxb-test', signingSecret: SECRET, apiUrl: fake.apiUrl } });
    await h.startAdapters();
    eventsUrl = slackEventsUrl(h);
    const retry = await post(first.body, { ...signSlackRequest(SECRET, first.body), 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' });
    expect(retry.status).toBe(200);
    expect(await h.db.organization.count()).toBe(1);
    expect(fake.responses).toHaveLength(1);
  });
});
