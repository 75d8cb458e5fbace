// Exactly once across kill -9: a real bot process (outbox-child.ts) starts
// sending, the fake platform receives the post and never answers, the test
// kills the process with SIGKILL, and a fresh bot on the same database
// recovers. One message must reach the channel or DM — also when Discord's
// nonce window has passed. Where the platform cannot be asked (a missing
// history scope), the documented rule applies: it is sent again.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.ts';
import type { Card } from '../../src/core/card.ts';
import { APP_ID, startFakeDiscord, type FakeDiscord } from '../support/fake-discord.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';
import { createHarness, freshDatabaseUrl, type Harness } from '../support/harness.ts';

const CHILD = fileURLToPath(new URL('./outbox-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const card: Card = { title: '정례모임 안내', lines: ['12월 8일 오후 2시 모라3동 회의실'] };

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

type Platforms = Pick<Config, 'slack' | 'discord'>;

/** Queues one message with the real outbox, as a feature would. */
async function queue(databaseUrl: string, platforms: Platforms, to: { kind: 'channel' | 'user'; id: string }, key: string) {
  const h = await createHarness({ databaseUrl, now: new Date().toISOString(), ...platforms });
  const platform = platforms.slack ? 'slack' : 'discord';
  if (to.kind === 'channel') {
    expect(await h.app.outbox.deliver({ kind: 'channel', platform, channelId: to.id }, card, key)).toBe(1);
  } else {
    // What deliver() writes for a member's DM (the member lookup is not the point here).
    const now = h.clock.now();
    await h.db.outboxMessage.create({
      data: { idempotencyKey: `${key}@${platform}:user:${to.id}`, platform, destKind: 'user', destId: to.id, card: JSON.stringify(card), nextAttemptAt: now, createdAt: now },
    });
  }
  await h.close();
}

/** Starts a bot process and kills it (SIGKILL) once `held` reports the post arrived. */
async function killMidSend(databaseUrl: string, platforms: Platforms, held: Promise<unknown>) {
  const config: Config = { databaseUrl, admins: [], locale: 'ko', logLevel: 'silent', ...platforms } as Config;
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: ROOT,
    env: { ...process.env, CHILD_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (d) => (log += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await Promise.race([
      held,
      exited.then(() => {
        throw new Error(`bot process exited before sending:\n${log}`);
      }),
    ]);
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
}

async function restart(databaseUrl: string, platforms: Platforms): Promise<Harness> {
  // Past the dead process's sending lease (2 min): only then is its row taken over.
  const h = await createHarness({ databaseUrl, now: new Date(Date.now() + 3 * 60_000).toISOString(), ...platforms });
  cleanup.push(() => h.close());
  await h.startAdapters();
  const platform = platforms.slack ? 'slack' : 'discord';
  await h.app.senders.get(platform)!.recover();
  await h.drain(platform);
  return h;
}

describe('Slack: kill -9 between the post and recording it', () => {
  let fake: FakeSlack;
  const setup = async () => {
    fake = await startFakeSlack({ realTimestamps: true });
    cleanup.push(() => fake.stop());
    const databaseUrl = freshDatabaseUrl();
    const platforms: Platforms = { slack: { botToken: 'xoxb-test', signingSecret: 'secret', apiUrl: fake.apiUrl } };
    return { databaseUrl, platforms };
  };
  const posts = (key: string) =>
    fake.callsTo('chat.postMessage').filter((c) => (c.body.metadata as { event_payload?: { key?: string } })?.event_payload?.key?.startsWith(key));

  for (const to of [
    { kind: 'channel', id: 'C777' },
    { kind: 'user', id: 'U222' },
  ] as const) {
    it(`${to.kind === 'channel' ? 'a channel' : 'a DM'}: found in the history after restart, not sent again`, async () => {
      const { databaseUrl, platforms } = await setup();
      await queue(databaseUrl, platforms, to, 'crash-1');
      await killMidSend(databaseUrl, platforms, fake.holdNext('chat.postMessage'));
      expect(posts('crash-1')).toHaveLength(1);

      const h = await restart(databaseUrl, platforms);
      expect(posts('crash-1')).toHaveLength(1);
      const row = await h.db.outboxMessage.findFirstOrThrow({ where: { idempotencyKey: { startsWith: 'crash-1@' } } });
      expect(row.status).toBe('sent');
      expect(row.messageRef).toMatch(to.kind === 'channel' ? /^C777:/ : /^DU222:/);
      expect(fake.callsTo('conversations.history')[0]?.body).toMatchObject({ channel: to.kind === 'channel' ? 'C777' : 'DU222' });
    }, 30_000);
  }

  it('a DM whose history the bot may not read (missing_scope): the rule — sent again, once', async () => {
    const { databaseUrl, platforms } = await setup();
    await queue(databaseUrl, platforms, { kind: 'user', id: 'U333' }, 'crash-2');
    await killMidSend(databaseUrl, platforms, fake.holdNext('chat.postMessage'));
    fake.on('conversations.history', () => ({ body: { ok: false, error: 'missing_scope', needed: 'im:history' } }));
    const h = await restart(databaseUrl, platforms);
    expect(posts('crash-2')).toHaveLength(2);
    expect((await h.db.outboxMessage.findFirstOrThrow({ where: { idempotencyKey: { startsWith: 'crash-2@' } } })).status).toBe('sent');
    // Asked once: a permanent refusal is not retried.
    expect(fake.callsTo('conversations.history')).toHaveLength(1);
  }, 30_000);

  it('a message queued but never claimed is simply sent after restart', async () => {
    const { databaseUrl, platforms } = await setup();
    await queue(databaseUrl, platforms, { kind: 'channel', id: 'C778' }, 'crash-3');
    const h = await restart(databaseUrl, platforms);
    expect(posts('crash-3')).toHaveLength(1);
    expect(fake.callsTo('conversations.history')).toHaveLength(0);
    expect((await h.db.outboxMessage.findFirstOrThrow({ where: { idempotencyKey: { startsWith: 'crash-3@' } } })).status).toBe('sent');
  }, 30_000);
});

describe('Discord: kill -9 between the post and recording it, after the nonce window', () => {
  let fake: FakeDiscord;
  for (const to of [
    { kind: 'channel', id: '3000000000000000777' },
    { kind: 'user', id: '4000000000000000222' },
  ] as const) {
    it(`${to.kind === 'channel' ? 'a channel' : 'a DM'}: found in the history after restart, not sent again`, async () => {
      fake = await startFakeDiscord();
      cleanup.push(() => fake.stop());
      const databaseUrl = freshDatabaseUrl();
      const platforms: Platforms = { discord: { token: 'fake.bot.token', applicationId: APP_ID, apiUrl: fake.apiBase } };
      const channel = to.kind === 'channel' ? to.id : `dm-${to.id}`;
      await queue(databaseUrl, platforms, to, 'crash-d1');
      await killMidSend(databaseUrl, platforms, fake.holdNext((c) => c.method === 'POST' && c.path === `/channels/${channel}/messages`));
      expect(fake.channelMessages(channel)).toHaveLength(1);
      // The restart comes after Discord's dedupe window: the nonce no longer helps.
      fake.forgetNonces();

      const h = await restart(databaseUrl, platforms);
      expect(fake.channelMessages(channel)).toHaveLength(1);
      const row = await h.db.outboxMessage.findFirstOrThrow({ where: { idempotencyKey: { startsWith: 'crash-d1@' } } });
      expect(row.status).toBe('sent');
      expect(row.messageRef).toBe(fake.channelMessages(channel)[0].id);
    }, 30_000);
  }

  it('without Read Message History (403) the rule applies: sent again, and within the nonce window Discord drops the copy', async () => {
    fake = await startFakeDiscord();
    cleanup.push(() => fake.stop());
    const databaseUrl = freshDatabaseUrl();
    const platforms: Platforms = { discord: { token: 'fake.bot.token', applicationId: APP_ID, apiUrl: fake.apiBase } };
    const channel = '3000000000000000778';
    await queue(databaseUrl, platforms, { kind: 'channel', id: channel }, 'crash-d2');
    await killMidSend(databaseUrl, platforms, fake.holdNext((c) => c.method === 'POST' && c.path === `/channels/${channel}/messages`));
    fake.failNext((c) => c.method === 'GET' && c.path === `/channels/${channel}/messages`, { status: 403, body: { message: 'Missing Access', code: 50001 } });
    const h = await restart(databaseUrl, platforms);
    const resends = fake.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${channel}/messages`);
    expect(resends).toHaveLength(2);
    expect(fake.channelMessages(channel)).toHaveLength(1);
    expect((await h.db.outboxMessage.findFirstOrThrow({ where: { idempotencyKey: { startsWith: 'crash-d2@' } } })).status).toBe('sent');
  }, 30_000);
});
