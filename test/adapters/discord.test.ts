// The Discord adapter end to end: the real discord.js Client inside
// DiscordAdapter, against the fake Discord REST + gateway on 127.0.0.1, with a
// real bot on a fresh SQLite database.
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { APIApplicationCommandInteractionDataOption, APIEmbed } from 'discord.js';
import { applicationCommands } from '../../src/adapters/discord/commands.ts';
import { cardToMessage, formNonce, formToModal } from '../../src/adapters/discord/components.ts';
import { nonceFor, type DiscordAdapter, type DiscordAdapterOptions } from '../../src/adapters/discord/discord-adapter.ts';
import { actionId } from '../../src/core/actions.ts';
import { DeliveryError } from '../../src/core/deliver.ts';
import { translator } from '../../src/core/i18n/index.ts';
import { run as registerScript } from '../../scripts/discord-register.ts';
import {
  APP_ID,
  CHANNEL_ID,
  GUILD_ID,
  USER_ID,
  autocompleteInteraction,
  buttonInteraction,
  chatInputInteraction,
  modalSubmitInteraction,
  startFakeDiscord,
  stringSelectInteraction,
  type DiscordCall,
  type FakeDiscord,
} from '../support/fake-discord.ts';
import { createHarness, type Harness } from '../support/harness.ts';

const TOKEN = 'fake.bot.token.for.tests';
const STRANGER = '4000000000000000099';
const OTHER_CHANNEL = '3000000000000000042';
const ko = translator('ko');

interface Callback {
  type: number;
  data?: {
    content?: string;
    flags?: number;
    embeds?: APIEmbed[];
    components?: { type: number; components: Record<string, unknown>[] }[];
    custom_id?: string;
    title?: string;
    choices?: { name: string; value: string }[];
  };
}

interface Setup {
  fake: FakeDiscord;
  h: Harness;
  adapter: DiscordAdapter;
  /** Warnings and errors the app logged (a failed reply is only logged; tests assert there were none). */
  logged: { level: number; msg: string }[];
}

/** A bot built like src/main.ts (createApp) with Discord configured against a fresh fake. */
async function setUp(options: DiscordAdapterOptions = {}): Promise<Setup> {
  const fake = await startFakeDiscord();
  const discordOptions: DiscordAdapterOptions = { ...options, rest: { retries: 0, timeout: 2000 } };
  const logged: Setup['logged'] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => void logged.push(JSON.parse(line) as Setup['logged'][number]) });
  const h = await createHarness({
    admins: [`discord:${USER_ID}`],
    discord: { token: TOKEN, applicationId: APP_ID, apiUrl: fake.apiBase },
    app: { tuning: { discord: discordOptions }, logger },
  });
  await h.startAdapters();
  const adapter = h.app.adapters.find((a) => a.platform === 'discord') as DiscordAdapter;
  return { fake, h, adapter, logged };
}

async function tearDown(s: Setup | undefined): Promise<void> {
  await s?.h.close(); // stops the adapter (waits for open interactions) and the database
  await s?.fake.stop();
}

/** Dispatches an interaction and returns the body of its (first) callback. */
async function interact(fake: FakeDiscord, payload: { id: string; token: string }): Promise<Callback> {
  fake.dispatch('INTERACTION_CREATE', payload);
  const call = await fake.waitForCall((c) => c.path === `/interactions/${payload.id}/${payload.token}/callback`);
  return call.body as Callback;
}

const sub = (name: string, options: APIApplicationCommandInteractionDataOption[] = []) =>
  [{ type: 1, name, options }] as APIApplicationCommandInteractionDataOption[];
const str = (name: string, value: string) => ({ name, type: 3, value }) as APIApplicationCommandInteractionDataOption;
const embedText = (cb: Callback | { embeds?: APIEmbed[] }): string => {
  const embeds = 'type' in cb ? cb.data?.embeds : cb.embeds;
  const e = embeds?.[0];
  return [e?.title, e?.description, ...(e?.fields ?? []).flatMap((f) => [f.name, f.value]), e?.footer?.text].filter(Boolean).join('\n');
};

describe('Discord adapter: commands, components, forms', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp();
  });
  afterEach(async () => {
    await s.adapter.idle();
    expect(s.logged.map((l) => l.msg)).toEqual([]);
  });
  afterAll(() => tearDown(s));

  it('runs /org add with subcommand options from an admin and answers with an embed', async () => {
    const cb = await interact(
      s.fake,
      chatInputInteraction({
        name: 'org',
        options: sub('add', [str('kind', 'welfare-centre'), str('name', '행복종합사회복지관'), str('dong', '모라3동')]),
      }),
    );
    expect(cb.type).toBe(4);
    expect(embedText(cb)).toBe('사회복지관 행복종합사회복지관(#1)을(를) 등록했습니다.');
    expect(cb.data?.embeds?.[0].color).toBe(0x57f287);
    expect(cb.data?.flags ?? 0).toBe(0);
    expect(cb.data?.content ?? '').toBe('');
  });

  it('lists organisations with /org list', async () => {
    const cb = await interact(s.fake, chatInputInteraction({ name: 'org', options: sub('list') }));
    expect(cb.type).toBe(4);
    expect(cb.data?.embeds?.[0].title).toBe('등록된 조직 (1곳)');
    expect(cb.data?.embeds?.[0].description).toBe('#1 행복종합사회복지관 · 사회복지관 · 모라3동');
  });

  it('binds the channel the command was typed in', async () => {
    const cb = await interact(
      s.fake,
      chatInputInteraction({ name: 'channel', channelId: OTHER_CHANNEL, options: sub('bind', [str('org', '행복종합사회복지관')]) }),
    );
    expect(embedText(cb)).toContain(`이 채널(#${OTHER_CHANNEL})을 행복종합사회복지관의 채널로 연결했습니다.`);
    const bindings = await s.h.db.channelBinding.findMany();
    expect(bindings).toMatchObject([{ platform: 'discord', channelId: OTHER_CHANNEL, orgId: 1 }]);
  });

  it('shows /help with a select; choosing an option answers with that page', async () => {
    const help = await interact(s.fake, chatInputInteraction({ name: 'help' }));
    expect(help.type).toBe(4);
    expect(help.data?.flags).toBe(64);
    expect(help.data?.embeds?.[0].title).toBe('민관협력 봇 명령');
    const select = help.data?.components?.[0].components[0] as { type: number; custom_id: string; options: { label: string; value: string }[] };
    expect(select).toMatchObject({ type: 3, custom_id: 'select' });
    const orgOption = select.options.find((o) => o.label === '/org');
    expect(orgOption?.value).toBe(actionId({ command: '/help org' }));

    const chosen = await interact(s.fake, stringSelectInteraction({ customId: 'select', values: [orgOption!.value] }));
    expect(chosen.type).toBe(4);
    expect(chosen.data?.flags).toBe(64);
    expect(chosen.data?.embeds?.[0].title).toBe('/org — 조직(복지관·행정복지센터·협의체) 관리');
    expect(embedText(chosen)).toContain('/org add <kind> <name>');
  });

  it('a button that updates its message answers with UPDATE_MESSAGE', async () => {
    const messageId = '5100000000000000777';
    const press = buttonInteraction({ customId: actionId({ command: '/org list', updatesMessage: true }), messageId, messageContent: '' });
    const cb = await interact(s.fake, press);
    expect(cb.type).toBe(7);
    expect(cb.data?.embeds?.[0].title).toBe('등록된 조직 (1곳)');
    expect(s.fake.messages.get(messageId)?.embeds[0].description).toContain('#1 행복종합사회복지관');
  });

  it('opens a modal for /org add without options and runs the submitted form', async () => {
    const cb = await interact(s.fake, chatInputInteraction({ name: 'org', options: sub('add') }));
    expect(cb.type).toBe(9);
    expect(cb.data).toMatchObject({ title: '/org add' });
    // The form's nonce: its opening time (base 36 seconds) and 8 random bytes.
    expect(cb.data?.custom_id).toMatch(/^form:org:add:[0-9a-z]+\.[\w-]{11}$/);
    const inputs = (cb.data?.components ?? []).map((row) => row.components[0]) as { custom_id: string; required: boolean; placeholder?: string; label: string }[];
    expect(inputs.map((i) => i.custom_id)).toEqual(['kind', 'name', 'dong', 'sigungu']);
    expect(inputs.map((i) => i.required)).toEqual([true, true, false, false]);
    expect(inputs[0].placeholder).toContain('사회복지관');
    expect(inputs.every((i) => i.label.length <= 45)).toBe(true);

    const customId = cb.data!.custom_id!;
    const submitted = await interact(s.fake, modalSubmitInteraction({ customId, fields: { kind: '사회복지관', name: '새복지관', dong: '', sigungu: '' } }));
    expect(submitted.type).toBe(4);
    expect(embedText(submitted)).toBe('사회복지관 새복지관(#2)을(를) 등록했습니다.');
    expect(await s.h.db.organization.findUnique({ where: { name: '새복지관' } })).toMatchObject({ id: 2, kind: 'welfare-centre' });

    // The same form again (left open after a slow answer, or replayed with other values): used once, nothing runs.
    const again = await interact(s.fake, modalSubmitInteraction({ customId, fields: { kind: '사회복지관', name: '또복지관', dong: '', sigungu: '' } }));
    expect(again.data?.flags).toBe(64);
    expect(embedText(again)).toBe(ko('error.formUsed'));
    expect(await s.h.db.organization.count({ where: { name: '또복지관' } })).toBe(0);
    // A form id without a nonce (an older version's, or made up) is refused too.
    const bare = await interact(s.fake, modalSubmitInteraction({ customId: 'form:org:add', fields: { kind: '사회복지관', name: '또복지관' } }));
    expect(embedText(bare)).toBe(ko('error.formExpired'));
    expect(await s.h.db.organization.count({ where: { name: '또복지관' } })).toBe(0);
  });

  it('a submitted form with a bad value answers with the error, privately, and stays usable for the corrected one', async () => {
    const open = await interact(s.fake, chatInputInteraction({ name: 'org', options: sub('add') }));
    const customId = open.data!.custom_id!;
    const cb = await interact(s.fake, modalSubmitInteraction({ customId, fields: { kind: '학교', name: '어느학교' } }));
    expect(cb.type).toBe(4);
    expect(cb.data?.flags).toBe(64);
    expect(embedText(cb)).toContain('`kind` 값을 알 수 없습니다');
    const fixed = await interact(s.fake, modalSubmitInteraction({ customId, fields: { kind: '기타', name: '어느학교' } }));
    expect(embedText(fixed)).toContain('어느학교');
    expect(await s.h.db.organization.count({ where: { name: '어느학교' } })).toBe(1);
  });

  it('tells an unlinked user privately that they are not linked; /help still works', async () => {
    const list = await interact(s.fake, chatInputInteraction({ userId: STRANGER, username: 'bob', name: 'org', options: sub('list') }));
    expect(list.type).toBe(4);
    expect(list.data?.flags).toBe(64);
    expect(embedText(list)).toBe(ko('error.notLinked'));
    expect(list.data?.embeds?.[0].color).toBe(0xed4245);

    const help = await interact(s.fake, chatInputInteraction({ userId: STRANGER, username: 'bob', name: 'help' }));
    expect(help.data?.embeds?.[0].title).toBe('민관협력 봇 명령');
    const linked = await s.h.db.chatIdentity.findMany({ where: { platform: 'discord', userId: STRANGER } });
    expect(linked).toEqual([]);
  });

  it('autocompletes organisation options and nothing else', async () => {
    const focused = { name: 'org', type: 3, value: '행복', focused: true } as APIApplicationCommandInteractionDataOption;
    const cb = await interact(s.fake, autocompleteInteraction({ name: 'org', options: sub('show', [focused]) }));
    expect(cb).toEqual({ type: 8, data: { choices: [{ name: '행복종합사회복지관', value: '행복종합사회복지관' }] } });

    const other = { name: 'name', type: 3, value: '김', focused: true } as APIApplicationCommandInteractionDataOption;
    const none = await interact(s.fake, autocompleteInteraction({ name: 'member', options: sub('add', [other]) }));
    expect(none).toEqual({ type: 8, data: { choices: [] } });
  });

  it('handles a replayed interaction once', async () => {
    const payload = chatInputInteraction({ name: 'org', options: sub('list') });
    s.fake.dispatch('INTERACTION_CREATE', payload);
    s.fake.dispatch('INTERACTION_CREATE', payload);
    // A later interaction is answered after both copies have been looked at.
    await interact(s.fake, chatInputInteraction({ name: 'help' }));
    await s.adapter.idle();
    expect(s.fake.calls.filter((c) => c.path.startsWith(`/interactions/${payload.id}/`))).toHaveLength(1);
  });

  describe('transport (outbox send)', () => {
    const card = { title: '내일 사례회의', lines: ['10시, 행복종합사회복지관 2층'] };

    it('posts to a channel with a nonce and enforce_nonce, and returns the message id', async () => {
      const sent = await s.adapter.send({ key: 'meetup:1:reminder:discord:c', to: { platform: 'discord', kind: 'channel', id: CHANNEL_ID }, card });
      const call = await s.fake.waitForCall((c) => c.method === 'POST' && c.path === `/channels/${CHANNEL_ID}/messages`);
      const body = call.body as { nonce: string; enforce_nonce: boolean; content: string; embeds: APIEmbed[]; allowed_mentions: unknown };
      expect(body.nonce).toBe(nonceFor('meetup:1:reminder:discord:c'));
      expect(body.nonce.length).toBeLessThanOrEqual(25);
      expect(body.enforce_nonce).toBe(true);
      expect(body.content).toBe('내일 사례회의');
      expect(body.embeds[0]).toMatchObject({ title: '내일 사례회의', description: '10시, 행복종합사회복지관 2층' });
      expect(body.allowed_mentions).toEqual({ parse: [] });
      expect(s.fake.messages.has(sent.ref)).toBe(true);
      expect(s.fake.messages.get(sent.ref)?.channel_id).toBe(CHANNEL_ID);
    });

    it('opens a DM channel for a user and posts there', async () => {
      const userId = '4000000000000000123';
      const sent = await s.adapter.send({ key: 'dm-1', to: { platform: 'discord', kind: 'user', id: userId }, card });
      const open = await s.fake.waitForCall((c) => c.method === 'POST' && c.path === '/users/@me/channels');
      expect(open.body).toEqual({ recipient_id: userId });
      expect(s.fake.messages.get(sent.ref)?.channel_id).toBe(`dm-${userId}`);
      // The DM channel is remembered.
      await s.adapter.send({ key: 'dm-2', to: { platform: 'discord', kind: 'user', id: userId }, card });
      expect(s.fake.calls.filter((c: DiscordCall) => c.path === '/users/@me/channels')).toHaveLength(1);
    });

    it('the outbox delivers to the channel bound to an organisation, through this transport', async () => {
      expect(await s.h.app.outbox.deliver({ kind: 'org', id: 1 }, card, 'test:outbox:1')).toBe(1);
      expect(await s.h.drain('discord')).toBe(1);
      const call = await s.fake.waitForCall((c) => c.method === 'POST' && c.path === `/channels/${OTHER_CHANNEL}/messages`);
      expect((call.body as { nonce: string }).nonce).toBe(nonceFor(`test:outbox:1@discord:channel:${OTHER_CHANNEL}`));
      const row = await s.h.db.outboxMessage.findFirstOrThrow({ where: { destId: OTHER_CHANNEL } });
      expect(row).toMatchObject({ status: 'sent', platform: 'discord' });
      expect(s.fake.messages.get(row.messageRef ?? '')?.embeds[0].title).toBe('내일 사례회의');
    });

    it('maps Discord failures to permanent and transient delivery errors', async () => {
      const to = { platform: 'discord' as const, kind: 'channel' as const, id: CHANNEL_ID };
      const attempt = (key: string) => s.adapter.send({ key, to, card }).then(() => undefined, (e: unknown) => e);

      s.fake.failNext(/^POST \/channels\/.*\/messages$/, { status: 403, body: { message: 'Missing Access', code: 50001 } });
      const missing = await attempt('e1');
      expect(missing).toBeInstanceOf(DeliveryError);
      expect(missing).toMatchObject({ permanent: true });

      s.fake.failNext(/^POST \/channels\/.*\/messages$/, { status: 404, body: { message: 'Unknown Channel', code: 10003 } });
      expect(await attempt('e2')).toMatchObject({ permanent: true });

      s.fake.failNext(/^POST \/channels\/.*\/messages$/, { status: 500 });
      const down = await attempt('e3');
      expect(down).toBeInstanceOf(DeliveryError);
      expect(down).toMatchObject({ permanent: false });

      s.fake.failNext(/^POST \/channels\/.*\/messages$/, { status: 429, headers: { 'retry-after': '30' }, body: { message: 'You are being rate limited.', retry_after: 30, global: false } });
      const limited = (await attempt('e4')) as DeliveryError;
      expect(limited).toMatchObject({ permanent: false });
      expect(limited.retryAfterMs).toBeGreaterThanOrEqual(30_000);

      s.fake.failNext(/^POST \/users\/@me\/channels$/, { status: 400, body: { message: 'Cannot send messages to this user', code: 50007 } });
      expect(await s.adapter.send({ key: 'e5', to: { platform: 'discord', kind: 'user', id: '4000000000000000555' }, card }).catch((e: unknown) => e)).toMatchObject({
        permanent: true,
      });
    });
  });
});

describe('Discord adapter: slow commands are deferred', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp({ deferAfterMs: 0 });
  });
  afterEach(async () => {
    await s.adapter.idle();
    expect(s.logged.map((l) => l.msg)).toEqual([]);
  });
  afterAll(() => tearDown(s));

  it('defers (type 5) and edits the original response', async () => {
    const payload = chatInputInteraction({ name: 'org', options: sub('list') });
    const cb = await interact(s.fake, payload);
    expect(cb.type).toBe(5);
    expect((cb.data?.flags ?? 0) & 64).toBe(0);
    const edit = await s.fake.waitForCall((c) => c.method === 'PATCH' && c.path === `/webhooks/${APP_ID}/${payload.token}/messages/@original`);
    expect(embedText(edit.body as { embeds: APIEmbed[] })).toContain(ko('org.listEmpty'));
  });

  it('answers privately when a deferred answer turns out ephemeral', async () => {
    const payload = chatInputInteraction({ userId: STRANGER, username: 'bob', name: 'org', options: sub('list') });
    await interact(s.fake, payload);
    const follow = await s.fake.waitForCall((c) => c.method === 'POST' && c.path === `/webhooks/${APP_ID}/${payload.token}`);
    expect((follow.body as { flags: number }).flags & 64).toBe(64);
    expect(embedText(follow.body as { embeds: APIEmbed[] })).toBe(ko('error.notLinked'));
    await s.fake.waitForCall((c) => c.method === 'DELETE' && c.path === `/webhooks/${APP_ID}/${payload.token}/messages/@original`);
    await s.adapter.idle();
    const order = s.fake.calls.filter((c) => c.path.includes(payload.token)).map((c) => c.method);
    expect(order).toEqual(['POST', 'PATCH', 'POST', 'DELETE']);
  });

  it('cannot show a modal after deferring: shows the usage instead', async () => {
    const payload = chatInputInteraction({ name: 'org', options: sub('add') });
    await interact(s.fake, payload);
    const follow = await s.fake.waitForCall((c) => c.method === 'POST' && c.path === `/webhooks/${APP_ID}/${payload.token}`);
    expect((follow.body as { flags: number }).flags & 64).toBe(64);
    expect(embedText(follow.body as { embeds: APIEmbed[] })).toContain('/org add <kind> <name>');
  });

  it('defers a message update with DEFERRED_UPDATE_MESSAGE and edits the message', async () => {
    const messageId = '5100000000000000888';
    const press = buttonInteraction({ customId: actionId({ command: '/org list', updatesMessage: true }), messageId, messageContent: '알림' });
    const cb = await interact(s.fake, press);
    expect(cb.type).toBe(6);
    const edit = await s.fake.waitForCall((c) => c.method === 'PATCH' && c.path === `/webhooks/${APP_ID}/${press.token}/messages/@original`);
    // The message notified before (it has content), so its update keeps a headline.
    expect((edit.body as { content: string }).content).toContain(ko('org.listEmpty'));
    expect(s.fake.messages.get(messageId)?.embeds[0].description).toContain(ko('org.listEmpty'));
  });
});

describe('Discord command registration', () => {
  let h: Harness;
  let fake: FakeDiscord;
  beforeAll(async () => {
    h = await createHarness();
    fake = await startFakeDiscord();
  });
  afterAll(async () => {
    await fake.stop();
    await h.close();
  });

  type Opt = {
    type: number;
    name: string;
    description: string;
    description_localizations?: { ko?: string };
    required?: boolean;
    autocomplete?: boolean;
    choices?: { name: string; name_localizations?: { ko?: string }; value: string }[];
    options?: Opt[];
  };

  it('declares every command with Korean descriptions, optional options, choices and autocomplete', () => {
    const body = applicationCommands(h.bot.registry) as unknown as Opt[];
    expect(body.map((c) => c.name).sort()).toEqual(h.bot.registry.all('discord').map((c) => c.name).sort());

    const all: Opt[] = [];
    const walk = (o: Opt) => {
      all.push(o);
      o.options?.forEach(walk);
    };
    body.forEach(walk);
    for (const o of all) {
      expect(o.name).toMatch(/^[a-z0-9_-]{1,32}$/);
      expect(o.description.length).toBeGreaterThan(0);
      expect(o.description.length).toBeLessThanOrEqual(100);
      expect(o.description_localizations?.ko?.length).toBeGreaterThan(0);
      expect(o.description_localizations?.ko?.length).toBeLessThanOrEqual(100);
      if (o.type >= 3) expect(o.required).toBe(false);
      if (o.autocomplete) expect(o.choices).toBeUndefined();
    }

    const org = body.find((c) => c.name === 'org')!;
    expect(org.description_localizations?.ko).toBe('조직(복지관·행정복지센터·협의체) 관리');
    const add = org.options!.find((o) => o.name === 'add')!;
    expect(add.type).toBe(1);
    const kind = add.options!.find((o) => o.name === 'kind')!;
    expect(kind.description).toMatch(/\(required\)$/);
    expect(kind.description_localizations?.ko).toMatch(/\(필수\)$/);
    expect(kind.choices).toContainEqual({ name: 'welfare centre', name_localizations: { ko: '사회복지관' }, value: 'welfare-centre' });
    expect(add.options!.find((o) => o.name === 'dong')!.description).not.toContain('required');

    const show = org.options!.find((o) => o.name === 'show')!;
    expect(show.options![0]).toMatchObject({ name: 'org', type: 3, autocomplete: true });
    const link = org.options!.find((o) => o.name === 'link')!;
    expect(link.options!.filter((o) => o.autocomplete).map((o) => o.name)).toEqual(['from', 'to']);

    const seat = body.find((c) => c.name === 'council')!.options![0];
    expect(seat.options!.find((o) => o.name === 'from')!.description).toContain('YYYY-MM-DD');

    // A command without subcommands carries its options directly.
    const audit = body.find((c) => c.name === 'audit')!;
    expect(audit.options).toEqual([expect.objectContaining({ name: 'page', type: 4, required: false })]);
  });

  it('npm run discord:register puts the commands into the guild, or globally', async () => {
    const env = { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiBase };
    const printed: string[] = [];
    expect(await registerScript({ ...env, DISCORD_GUILD_ID: GUILD_ID }, (line) => printed.push(line))).toBe(0);
    const guildPut = await fake.waitForCall((c) => c.method === 'PUT' && c.path === `/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
    expect(guildPut.auth).toBe(`Bot ${TOKEN}`);
    const count = h.bot.registry.all('discord').length;
    expect((guildPut.body as unknown[]).length).toBe(count);

    await registerScript(env, (line) => printed.push(line));
    const globalPut = await fake.waitForCall((c) => c.method === 'PUT' && c.path === `/applications/${APP_ID}/commands`);
    expect(globalPut.body).toEqual(guildPut.body);
    expect(printed[0]).toContain(`Registered ${count} Discord commands`);
    expect(printed[0]).toContain(GUILD_ID);
    expect(printed[1]).toContain('global');
  });
});

describe('Discord rendering limits', () => {
  it('keeps within embed, row and select limits', () => {
    const buttons = Array.from({ length: 30 }, (_, i) => ({ label: `버튼 ${i}`, command: `/org show #${i}` }));
    const options = Array.from({ length: 40 }, (_, i) => ({ label: `옵션 ${i}`.repeat(20), command: `/help x${i}` }));
    const message = cardToMessage({
      title: '제'.repeat(300),
      lines: ['가'.repeat(5000)],
      fields: Array.from({ length: 30 }, (_, i) => ({ label: `f${i}`, value: '' })),
      footer: '끝',
      buttons,
      select: { placeholder: '골라 주세요', options },
    });
    const embed = message.embeds[0];
    expect(embed.title).toHaveLength(256);
    expect(embed.description).toHaveLength(4096);
    expect(embed.fields).toHaveLength(25);
    expect(embed.fields?.every((f) => f.value.length > 0)).toBe(true);
    const total = [embed.title, embed.description, embed.footer?.text, ...(embed.fields ?? []).flatMap((f) => [f.name, f.value])].join('').length;
    expect(total).toBeLessThanOrEqual(6000);
    expect(message.components).toHaveLength(5);
    expect(message.components.slice(0, 4).every((row) => row.components.length === 5)).toBe(true);
    const select = message.components[4].components[0] as { type: number; options: { label: string }[] };
    expect(select.type).toBe(3);
    expect(select.options).toHaveLength(25);
    expect(select.options.every((o) => o.label.length <= 100)).toBe(true);
    expect(cardToMessage({ lines: [] }).embeds[0].description).toBe('\u200b');
  });

  it('limits a modal to five inputs with short labels', () => {
    const modal = formToModal(
      {
        command: 'meetup',
        sub: 'create',
        title: '/meetup create — 아주 긴 제목이 붙은 양식입니다 정말로 아주 깁니다',
        submitLabel: '보내기',
        cancelLabel: '취소',
        fields: ['title', 'date', 'time', 'org', 'place', 'note'].map((name, i) => ({
          name,
          label: '매우 긴 설명이 붙은 입력 칸입니다 정말로 아주 아주 깁니다',
          type: i === 1 ? 'date' : i === 2 ? 'time' : 'string',
          required: i < 3,
        })),
      },
      formNonce(Date.now()),
    );
    expect(modal.title.length).toBeLessThanOrEqual(45);
    expect(modal.components).toHaveLength(5);
    const inputs = modal.components.map((row) => (row as { components: { label: string; placeholder?: string }[] }).components[0]);
    expect(inputs.every((i) => i.label.length <= 45)).toBe(true);
    expect(inputs[1].placeholder).toBe('YYYY-MM-DD');
    expect(inputs[2].placeholder).toBe('HH:MM');
  });
});
