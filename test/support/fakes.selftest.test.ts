// Proves the fakes in this folder work with the real libraries: @slack/bolt
// (HTTP and Socket Mode), @slack/web-api, and discord.js. Everything runs on
// 127.0.0.1; nothing is mocked.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it, expect } from 'vitest';
import { App, HTTPReceiver, LogLevel, SocketModeReceiver, webApi } from '@slack/bolt';
import { Client, Events, GatewayIntentBits, MessageFlags, type Interaction } from 'discord.js';
import {
  startFakeSlack,
  signSlackRequest,
  slashCommandBody,
  slashCommandPayload,
  blockActionBody,
  blockActionPayload,
  viewSubmissionBody,
  slashEnvelope,
  interactiveEnvelope,
  type FakeSlack,
} from './fake-slack.ts';
import {
  startFakeDiscord,
  chatInputInteraction,
  buttonInteraction,
  modalSubmitInteraction,
  guildCreatePayload,
  APP_ID,
  BOT_ID,
  CHANNEL_ID,
  USER_ID,
} from './fake-discord.ts';

const SECRET = 'test-signing-secret';

/** Bot WebClient options pointing at the fake, with retries off. */
const clientOptions = (fake: FakeSlack) => ({ slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });

describe('fake Slack + real Bolt (HTTP mode)', () => {
  it('handles signed slash commands, block actions and view submissions; rejects bad signatures', async () => {
    const fake = await startFakeSlack();
    const receiver = new HTTPReceiver({ signingSecret: SECRET, logLevel: LogLevel.ERROR });
    // `new App` with a token calls auth.test at once, so the fake must already run.
    const app = new App({ token: 'xoxb-test', receiver, logLevel: LogLevel.ERROR, clientOptions: clientOptions(fake) });
    app.command('/echo', async ({ command, ack, client, respond }) => {
      await ack();
      await client.chat.postMessage({ channel: command.channel_id, text: `echo: ${command.text}` });
      await respond({ text: 'done', response_type: 'ephemeral' });
    });
    app.action('approve', async ({ ack, body, client }) => {
      await ack();
      if (body.type === 'block_actions' && body.channel !== undefined && body.message !== undefined) {
        await client.chat.update({ channel: body.channel.id, ts: body.message.ts, text: 'approved' });
      }
    });
    app.view('new-task', async ({ ack, view }) => {
      await ack({ response_action: 'errors', errors: { title: `got ${view.state.values.b1.title.value}` } });
    });

    try {
      const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
      const post = (body: string, headers: Record<string, string> = { ...signSlackRequest(SECRET, body) }) =>
        fetch(url, { method: 'POST', headers, body });

      // Signed slash command -> 200, chat.postMessage and respond() reach the fake.
      const res = await post(slashCommandBody({ command: '/echo', text: 'hello' }, fake));
      expect(res.status).toBe(200);
      const call = await fake.waitForCall('chat.postMessage');
      expect(call.auth).toBe('Bearer xoxb-test');
      expect(call.body).toMatchObject({ channel: 'C123', text: 'echo: hello', team_id: 'T123' });
      const response = await fake.waitForResponse();
      expect(response.body).toMatchObject({ text: 'done', response_type: 'ephemeral' });

      // Bad signature -> 401, and an old timestamp -> 401.
      const body = slashCommandBody({ command: '/echo', text: 'x' });
      expect((await post(body, { ...signSlackRequest(SECRET, body), 'x-slack-signature': 'v0=bad' })).status).toBe(401);
      expect((await post(body, { ...signSlackRequest(SECRET, body, Math.floor(Date.now() / 1000) - 600) })).status).toBe(401);

      // Block action built by the helper is routed by action_id.
      const action = blockActionBody({ actionId: 'approve', value: '42', messageTs: '1700000001.000100' }, fake);
      expect((await post(action)).status).toBe(200);
      const update = await fake.waitForCall('chat.update');
      expect(update.body).toMatchObject({ channel: 'C123', ts: '1700000001.000100', text: 'approved' });

      // View submission: the ack body carries response_action.
      const view = viewSubmissionBody({ callbackId: 'new-task', values: { b1: { title: 'Visit' } } });
      const viewRes = await post(view);
      expect(viewRes.status).toBe(200);
      expect(await viewRes.json()).toEqual({ response_action: 'errors', errors: { title: 'got Visit' } });

      expect(fake.calls.map((c) => c.method)).toEqual(['auth.test', 'chat.postMessage', 'chat.update']);
    } finally {
      await app.stop();
      await fake.stop();
    }
  });
});

describe('fake Slack + real Bolt (Socket Mode)', () => {
  it('acks a slash command envelope and an interactive envelope', async () => {
    const fake = await startFakeSlack();
    const receiver = new SocketModeReceiver({
      appToken: 'xapp-test',
      logLevel: LogLevel.ERROR,
      installerOptions: { clientOptions: clientOptions(fake) },
    });
    const app = new App({ token: 'xoxb-test', receiver, logLevel: LogLevel.ERROR, clientOptions: clientOptions(fake) });
    app.command('/echo', async ({ command, ack, say }) => {
      await ack();
      await say(`echo: ${command.text}`);
    });
    app.action('approve', async ({ ack }) => {
      await ack();
    });

    try {
      await app.start(); // resolves on the fake's `hello`
      const open = await fake.waitForCall('apps.connections.open');
      expect(open.auth).toBe('Bearer xapp-test');

      const env = slashEnvelope(slashCommandPayload({ command: '/echo', text: 'over socket' }, fake));
      const ack = await fake.socketSend(env);
      expect(ack).toEqual({ envelope_id: env.envelope_id, payload: {} });
      const said = await fake.waitForCall('chat.postMessage', (c) => c.body.text === 'echo: over socket');
      expect(said.body.channel).toBe('C123');

      const env2 = interactiveEnvelope(blockActionPayload({ actionId: 'approve' }, fake));
      expect((await fake.socketSend(env2)).envelope_id).toBe(env2.envelope_id);
    } finally {
      // app.stop() does not wait for the close handshake; disconnect does.
      await receiver.client.disconnect();
      await fake.stop();
    }
  });
});

describe('fake Discord + real discord.js', () => {
  it('logs in, answers a slash command, a deferred DM command, a button and a modal', async () => {
    const fake = await startFakeDiscord();
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiBase, retries: 0, timeout: 2000 } });
    const errors: unknown[] = [];
    client.on(Events.Error, (e) => errors.push(e));
    client.on(Events.InteractionCreate, (interaction: Interaction) => {
      void (async () => {
        if (interaction.isChatInputCommand() && interaction.commandName === 'task') {
          await interaction.reply(`${interaction.options.getSubcommand()} ${interaction.options.getString('kind', true)}`);
        } else if (interaction.isChatInputCommand() && interaction.commandName === 'slow') {
          await interaction.deferReply({ flags: MessageFlags.Ephemeral });
          await interaction.editReply(`dm from ${interaction.user.id} in guild=${interaction.inGuild()}`);
        } else if (interaction.isButton()) {
          await interaction.update({ content: `clicked ${interaction.customId} on ${interaction.message.id}`, components: [] });
        } else if (interaction.isModalSubmit()) {
          await interaction.reply({ content: `title=${interaction.fields.getTextInputValue('title')}`, flags: MessageFlags.Ephemeral });
        }
      })().catch((e: unknown) => errors.push(e));
    });

    try {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login('fake.bot.token');
      await ready;
      expect(client.user?.id).toBe(BOT_ID);
      expect(client.application?.id).toBe(APP_ID);
      expect(fake.identify?.intents).toBe(GatewayIntentBits.Guilds);
      expect(fake.calls[0]).toMatchObject({ method: 'GET', path: '/gateway/bot', auth: 'Bot fake.bot.token' });

      // Slash command with a subcommand -> reply (callback type 4).
      const cmd = chatInputInteraction({ name: 'task', options: [{ type: 1, name: 'add', options: [{ name: 'kind', type: 3, value: 'visit' }] }] });
      fake.dispatch('INTERACTION_CREATE', cmd);
      const cb = await fake.waitForCall((c) => c.path === `/interactions/${cmd.id}/${cmd.token}/callback`);
      expect(cb.status).toBe(204);
      expect(cb.auth).toBeUndefined();
      expect(cb.body).toMatchObject({ type: 4, data: { content: 'add visit' } });

      // DM command: deferReply (type 5) + editReply (PATCH @original).
      const dm = chatInputInteraction({ name: 'slow', guildId: null });
      fake.dispatch('INTERACTION_CREATE', dm);
      const edit = await fake.waitForCall((c) => c.method === 'PATCH' && c.path === `/webhooks/${APP_ID}/${dm.token}/messages/@original`);
      expect(edit.body).toMatchObject({ content: `dm from ${USER_ID} in guild=false` });
      expect(fake.calls.find((c) => c.path.startsWith(`/interactions/${dm.id}/`))?.body).toMatchObject({ type: 5, data: { flags: 64 } });

      // Button -> update (callback type 7) on the clicked message.
      const btn = buttonInteraction({ customId: 'done:1', messageId: '5100000000000000001', messageContent: 'task 1' });
      fake.dispatch('INTERACTION_CREATE', btn);
      const upd = await fake.waitForCall((c) => c.path === `/interactions/${btn.id}/${btn.token}/callback`);
      expect(upd.body).toMatchObject({ type: 7, data: { content: 'clicked done:1 on 5100000000000000001', components: [] } });
      expect(fake.messages.get('5100000000000000001')?.content).toBe('clicked done:1 on 5100000000000000001');

      // Modal submit -> ephemeral reply.
      const modal = modalSubmitInteraction({ customId: 'new-task', fields: { title: 'Visit Mrs. Kim' } });
      fake.dispatch('INTERACTION_CREATE', modal);
      const mcb = await fake.waitForCall((c) => c.path === `/interactions/${modal.id}/${modal.token}/callback`);
      expect(mcb.body).toMatchObject({ type: 4, data: { content: 'title=Visit Mrs. Kim', flags: 64 } });

      // GUILD_CREATE makes the guild channel known; send goes through REST.
      const guildSeen = new Promise<void>((resolve) => client.once(Events.GuildCreate, () => resolve()));
      fake.dispatch('GUILD_CREATE', guildCreatePayload());
      await guildSeen;
      const channel = await client.channels.fetch(CHANNEL_ID);
      if (channel === null || !channel.isSendable()) throw new Error('channel not sendable');
      const sent = await channel.send('hello');
      expect(sent.content).toBe('hello');
      expect((await fake.waitForCall((c) => c.method === 'POST' && c.path === `/channels/${CHANNEL_ID}/messages`)).body).toMatchObject({ content: 'hello' });

      // failNext / 404 surface as DiscordAPIError.
      fake.failNext(/^POST \/channels\/.*\/messages$/, { status: 403, body: { message: 'Missing Access', code: 50001 } });
      await expect(channel.send('nope')).rejects.toMatchObject({ status: 403, code: 50001 });

      expect(errors).toEqual([]);
    } finally {
      await client.destroy();
      await fake.stop();
    }
  });
});

describe('fake Slack overrides seen by a real WebClient', () => {
  it('surfaces 429 with retryAfter, platform errors, HTTP 500 and downtime', async () => {
    const fake = await startFakeSlack();
    const { WebClient, ErrorCode } = webApi;
    const web = new WebClient('xoxb-test', { ...clientOptions(fake), rejectRateLimitedCalls: true, logLevel: LogLevel.ERROR });
    try {
      fake.failNext('chat.postMessage', { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } });
      const limited = await web.chat.postMessage({ channel: 'C123', text: 'x' }).catch((e: unknown) => e);
      expect(limited).toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 1 });

      // The override was used once: the next call succeeds with an incrementing ts.
      const okRes = await web.chat.postMessage({ channel: 'C123', text: 'y' });
      expect(okRes).toMatchObject({ ok: true, channel: 'C123', ts: '1700000001.000100' });

      fake.failNext('chat.postMessage', { body: { ok: false, error: 'channel_not_found' } });
      await expect(web.chat.postMessage({ channel: 'C999', text: 'z' })).rejects.toMatchObject({
        code: ErrorCode.PlatformError,
        data: { error: 'channel_not_found' },
      });

      fake.failNext('chat.postMessage', { status: 500 });
      await expect(web.chat.postMessage({ channel: 'C123', text: 'z' })).rejects.toMatchObject({ code: ErrorCode.HTTPError, statusCode: 500 });

      fake.setDown(true);
      await expect(web.auth.test()).rejects.toMatchObject({ code: ErrorCode.HTTPError, statusCode: 503 });
      fake.setDown(false);
      expect(await web.auth.test()).toMatchObject({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T123' });

      expect(fake.callsTo('chat.postMessage').map((c) => c.status)).toEqual([429, 200, 200, 500]);
    } finally {
      await fake.stop();
    }
  });
});
