// Hardening: Slack timestamps either way, replays after a restart, forged or
// odd form state, and a flood of link requests — through the real Bolt and
// discord.js against the fakes.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID, chatInputInteraction, modalSubmitInteraction, nextInteractionId, startFakeDiscord, USER_ID, type FakeDiscord } from '../support/fake-discord.ts';
import { signSlackRequest, slashCommandBody, startFakeSlack, viewSubmissionBody, type FakeSlack } from '../support/fake-slack.ts';
import { createHarness, slackEventsUrl, type Harness } from '../support/harness.ts';

const SECRET = 'test-signing-secret';
const ADMIN = 'U111';
const now = () => Math.floor(Date.now() / 1000);

let fake: FakeSlack;
let harnesses: Harness[] = [];
beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(() => fake.stop());
afterEach(async () => {
  for (const h of harnesses) await h.close().catch(() => undefined);
  harnesses = [];
  fake.reset();
});

async function slackBot(databaseUrl?: string): Promise<{ h: Harness; url: string }> {
  const h = await createHarness({
    databaseUrl,
    admins: [`slack:${ADMIN}`],
    slack: { botToken: 'xoxb-test', signingSecret: SECRET, apiUrl: fake.apiUrl },
  });
  harnesses.push(h);
  await h.startAdapters();
  return { h, url: slackEventsUrl(h) };
}

let seq = 0;
function command(text: string, fields: Record<string, string> = {}) {
  const [cmd, ...rest] = text.split(' ');
  const id = `h${++seq}`;
  const body = slashCommandBody({ command: cmd, text: rest.join(' '), user_id: ADMIN, trigger_id: `trig-${id}`, response_url: fake.responseUrl(id), ...fields });
  return { id, body };
}
const post = (url: string, body: string, headers: object) => fetch(url, { method: 'POST', headers: headers as Record<string, string>, body });

describe('Slack request timestamps: five minutes either way', () => {
  it('refuses a correctly signed request from 6 minutes ago or 6 minutes (or an hour) ahead; accepts 4 minutes either way', async () => {
    const { h, url } = await slackBot();
    const statuses: Record<string, number> = {};
    for (const [label, offset] of [
      ['past 6 min', -360],
      ['future 6 min', 360],
      ['future 1 h', 3600],
      ['past 4 min', -240],
      ['future 4 min', 240],
    ] as const) {
      const { body } = command(`/org add 기타 기관${label.replace(/\W/g, '')}`);
      statuses[label] = (await post(url, body, signSlackRequest(SECRET, body, now() + offset))).status;
    }
    expect(statuses).toEqual({ 'past 6 min': 401, 'future 6 min': 401, 'future 1 h': 401, 'past 4 min': 200, 'future 4 min': 200 });
    await fake.waitForResponse(() => fake.responses.length >= 2);
    expect(await h.db.organization.count()).toBe(2);
  });
});

describe('Slack replays', () => {
  it('the same signed request twice in one process runs once', async () => {
    const { h, url } = await slackBot();
    const { body } = command('/org add 기타 자활센터');
    const headers = signSlackRequest(SECRET, body);
    expect((await post(url, body, headers)).status).toBe(200);
    await fake.waitForResponse();
    expect((await post(url, body, headers)).status).toBe(200);
    await h.app.adapters[0].stop().catch(() => undefined);
    expect(await h.db.organization.count()).toBe(1);
    expect(fake.responses).toHaveLength(1);
  });

  it('a request handled before a restart is refused after it (its signing time predates the new process: the stored receipt answers)', async () => {
    const first = await slackBot();
    const { body } = command('/org add 기타 재활센터');
    const headers = signSlackRequest(SECRET, body, now() - 2);
    expect((await post(first.url, body, headers)).status).toBe(200);
    await fake.waitForResponse();
    await first.h.close(); // writes the receipts
    harnesses = [];

    const second = await slackBot(first.h.databaseUrl);
    expect((await post(second.url, body, headers)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.responses).toHaveLength(1);
    expect(await second.h.db.organization.count()).toBe(1);

    // Fresh traffic after the restart is checked in memory only.
    const fresh = command('/org add 기타 새기관');
    expect((await post(second.url, fresh.body, signSlackRequest(SECRET, fresh.body))).status).toBe(200);
    await fake.waitForResponse((r) => r.id === fresh.id);
    expect(await second.h.db.organization.count()).toBe(2);
  });
});

describe('Slack forms: the answer goes where the bot opened the form', () => {
  async function openForm(url: string, channel: string) {
    const { body } = command('/org add', { channel_id: channel });
    await post(url, body, signSlackRequest(SECRET, body));
    const open = await fake.waitForCall('views.open');
    return (open.body.view as { private_metadata: string }).private_metadata;
  }
  const values = { kind: { value: { type: 'static_select', selected_option: { text: { type: 'plain_text' as const, text: '기타' }, value: 'other' } } }, name: { value: '폼기관' } };

  it('forged private_metadata (unsigned, re-signed with a wrong key, or edited) posts nothing anywhere and runs nothing', async () => {
    const { h, url } = await slackBot();
    const genuine = await openForm(url, 'C555');
    const json = genuine.slice(0, genuine.lastIndexOf('.'));
    const mac = genuine.slice(genuine.lastIndexOf('.') + 1);
    const edited = json.replace('"C555"', '"CATTACK"');
    for (const privateMetadata of [
      JSON.stringify({ command: 'org', sub: 'add', channel: 'CATTACK' }),
      `${edited}.${mac}`,
      `${edited}.AAAA`,
      'not json',
      '',
    ]) {
      const submit = viewSubmissionBody({ callbackId: 'form', privateMetadata, userId: ADMIN, values });
      const res = await post(url, submit, signSlackRequest(SECRET, submit));
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('clear');
    }
    // Someone else submitting the form opened for ADMIN is refused too.
    const other = viewSubmissionBody({ callbackId: 'form', privateMetadata: genuine, userId: 'U999', values });
    expect(await (await post(url, other, signSlackRequest(SECRET, other))).text()).toContain('clear');
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(fake.callsTo('chat.postEphemeral')).toHaveLength(0);
    expect(await h.db.organization.count()).toBe(0);

    // The genuine one still works, and answers in C555.
    const submit = viewSubmissionBody({ callbackId: 'form', privateMetadata: genuine, userId: ADMIN, values });
    await post(url, submit, signSlackRequest(SECRET, submit));
    expect((await fake.waitForCall('chat.postMessage')).body.channel).toBe('C555');
  });

  it('odd block ids (__proto__, constructor) in a submitted form are ignored, not an internal error', async () => {
    const { h, url } = await slackBot();
    const genuine = await openForm(url, 'C556');
    const submit = viewSubmissionBody({
      callbackId: 'form',
      privateMetadata: genuine,
      userId: ADMIN,
      values: { ...values, __proto__: { value: 'x' }, constructor: { value: 'y' }, toString: { value: 'z' } } as never,
    });
    const res = await post(url, submit, signSlackRequest(SECRET, submit));
    expect(res.status).toBe(200);
    const posted = await fake.waitForCall('chat.postMessage');
    expect(String(posted.body.text)).toContain('폼기관');
    expect(String(posted.body.text)).not.toContain('오류 번호');
    expect(await h.db.organization.count()).toBe(1);
  });
  it('a signed form is used once: submitted again (a new trigger, a new signature), even after a restart, it runs nothing', async () => {
    const { h, url } = await slackBot();
    const genuine = await openForm(url, 'C557');
    // Each time with other values, as a replay with edited fields would be (the same ones would only meet the duplicate-name check).
    let n = 0;
    const submitOnce = async (target: string) => {
      const submit = viewSubmissionBody({ callbackId: 'form', privateMetadata: genuine, userId: ADMIN, values: { ...values, name: { value: `폼기관${++n}` } } });
      return (await post(target, submit, signSlackRequest(SECRET, submit))).text();
    };
    await submitOnce(url);
    await fake.waitForCall('chat.postMessage');
    expect(await submitOnce(url)).toContain('clear');
    expect(await h.db.organization.count()).toBe(1);

    await h.close();
    harnesses = [];
    const again = await slackBot(h.databaseUrl);
    expect(await submitOnce(again.url)).toContain('clear');
    expect(await again.h.db.organization.count()).toBe(1);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('a form refused for a mistake stays usable: the corrected submission runs', async () => {
    const { h, url } = await slackBot();
    const genuine = await openForm(url, 'C558');
    const wrong = viewSubmissionBody({ callbackId: 'form', privateMetadata: genuine, userId: ADMIN, values: { ...values, kind: { value: '병원' } } as never });
    expect(await (await post(url, wrong, signSlackRequest(SECRET, wrong))).text()).toContain('"errors"');
    const right = viewSubmissionBody({ callbackId: 'form', privateMetadata: genuine, userId: ADMIN, values });
    await post(url, right, signSlackRequest(SECRET, right));
    await fake.waitForCall('chat.postMessage');
    expect(await h.db.organization.count()).toBe(1);
  });
});

describe('Discord: odd modal ids, replays after a restart', () => {
  let discord: FakeDiscord;
  beforeAll(async () => {
    discord = await startFakeDiscord();
  });
  afterAll(() => discord.stop());

  async function discordBot(databaseUrl?: string) {
    const h = await createHarness({
      databaseUrl,
      admins: [`discord:${USER_ID}`],
      discord: { token: 'fake.bot.token', applicationId: APP_ID, apiUrl: discord.apiBase },
      app: { tuning: { discord: { rest: { retries: 0, timeout: 2000 } } } },
    });
    harnesses.push(h);
    await h.startAdapters();
    return h;
  }
  const callback = async (payload: { id: string; token: string }) => {
    discord.dispatch('INTERACTION_CREATE', payload);
    return (await discord.waitForCall((c) => c.path === `/interactions/${payload.id}/${payload.token}/callback`)).body as {
      data?: { embeds?: { description?: string }[] };
    };
  };

  it('a modal whose custom_id names __proto__, constructor or an unknown subcommand answers with a user error', async () => {
    await discordBot();
    for (const sub of ['__proto__', 'constructor', 'hasOwnProperty', 'nope']) {
      const answer = await callback(modalSubmitInteraction({ customId: `form:org:${sub}`, fields: { name: 'x' }, userId: USER_ID }));
      const text = answer.data?.embeds?.[0]?.description ?? '';
      expect(text).not.toContain('오류 번호');
      expect(text.length).toBeGreaterThan(0);
    }
  });

  it('an interaction handled before a restart is not handled again after it', async () => {
    const h1 = await discordBot();
    const id = nextInteractionId(Date.now() - 1000);
    const payload = chatInputInteraction({ id, name: 'org', options: [{ type: 1, name: 'add', options: [{ name: 'kind', type: 3, value: '기타' }, { name: 'name', type: 3, value: '디스코드기관' }] }] as never, userId: USER_ID });
    await callback(payload);
    await h1.close();
    harnesses = [];
    const before = discord.calls.length;
    const h2 = await discordBot(h1.databaseUrl);
    discord.dispatch('INTERACTION_CREATE', payload);
    await new Promise((r) => setTimeout(r, 300));
    expect(discord.calls.slice(before).filter((c) => c.path.startsWith(`/interactions/${id}/`))).toHaveLength(0);
    expect(await h2.db.organization.count()).toBe(1);
  });
  it('an interaction from more than a minute in the future is dropped, also after a restart; 30 s ahead (clock skew) is handled once', async () => {
    const h1 = await discordBot();
    const addOrg = (id: string, name: string) =>
      chatInputInteraction({ id, name: 'org', options: [{ type: 1, name: 'add', options: [{ name: 'kind', type: 3, value: '기타' }, { name: 'name', type: 3, value: name }] }] as never, userId: USER_ID });
    const ahead = addOrg(nextInteractionId(Date.now() + 2 * 60_000), '미래기관');
    const skewed = addOrg(nextInteractionId(Date.now() + 30_000), '조금빠른기관');
    const answered = (id: string, from: number) => discord.calls.slice(from).filter((c) => c.path.startsWith(`/interactions/${id}/`));
    discord.dispatch('INTERACTION_CREATE', ahead);
    await callback(skewed);
    await new Promise((r) => setTimeout(r, 300));
    expect(answered(ahead.id, 0)).toHaveLength(0);
    expect((await h1.db.organization.findMany()).map((o) => o.name)).toEqual(['조금빠른기관']);
    await h1.close();
    harnesses = [];

    const before = discord.calls.length;
    const h2 = await discordBot(h1.databaseUrl);
    discord.dispatch('INTERACTION_CREATE', ahead);
    discord.dispatch('INTERACTION_CREATE', skewed);
    await new Promise((r) => setTimeout(r, 300));
    expect(answered(ahead.id, before)).toHaveLength(0);
    expect(answered(skewed.id, before)).toHaveLength(0);
    expect(await h2.db.organization.count()).toBe(1);
  });
});

describe('link requests: a flood of unknown accounts', () => {
  it('30 unknown Slack ids: 10 requests (the hourly limit), the rest told to try later with nothing written; admins get one DM listing them', async () => {
    const { h, url } = await slackBot();
    // The admin registers on first contact.
    const hello = command('/help');
    await post(url, hello.body, signSlackRequest(SECRET, hello.body));
    await fake.waitForResponse((r) => r.id === hello.id);

    const answers: string[] = [];
    for (let i = 0; i < 30; i++) {
      const c = command('/member link', { user_id: `UNEW${i}`, user_name: `new${i}` });
      await post(url, c.body, signSlackRequest(SECRET, c.body));
      answers.push(((await fake.waitForResponse((r) => r.id === c.id)).body as { text: string }).text);
    }
    expect(answers.filter((a) => a.includes('연결 요청(#'))).toHaveLength(10);
    expect(answers.filter((a) => a.includes('지금은 연결 요청이 많아'))).toHaveLength(20);
    expect(await h.db.linkRequest.count()).toBe(10);

    // Asking again while the request is open says so and writes nothing.
    const again = command('/member link', { user_id: 'UNEW0', user_name: 'new0' });
    await post(url, again.body, signSlackRequest(SECRET, again.body));
    expect(((await fake.waitForResponse((r) => r.id === again.id)).body as { text: string }).text).toContain('이미 관리자에게 가 있습니다');
    expect(await h.db.linkRequest.count()).toBe(10);

    // One batched notice per admin, a minute after the burst began.
    expect(await h.drain('slack')).toBe(0);
    h.clock.advance(61_000);
    expect(await h.drain('slack')).toBe(1);
    const dms = fake.callsTo('chat.postMessage');
    expect(dms).toHaveLength(1);
    expect(dms[0].body.channel).toBe(`D${ADMIN}`);
    const text = String(dms[0].body.text) + JSON.stringify(dms[0].body.blocks);
    expect(text).toContain('10개');
    for (let i = 0; i < 10; i++) expect(text).toContain(`new${i}`);
    expect(await h.db.outboxMessage.count()).toBe(1);
  });
});
