// Several bot processes (replicas) on one PostgreSQL database: 1,000
// reminders and 100 announcements fall due; one replica is killed with
// SIGKILL in the middle (the one holding the Discord gateway). Every message
// must reach the (fake) platform exactly once, and another replica must take
// the gateway over. Runs on the PostgreSQL run only (SQLite serves one process).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.ts';
import { openDatabase, type Db } from '../../src/db/client.ts';
import { APP_ID, startFakeDiscord, type FakeDiscord } from '../support/fake-discord.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';
import { onPostgres } from '../support/paths.ts';
import { createTestDatabase } from '../support/postgres.ts';

const CHILD = fileURLToPath(new URL('./replica-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REMINDERS = 1000;
const ANNOUNCEMENTS = 100;
const KINDS = ['replica-reminder', 'replica-announcement'];

interface Replica {
  name: string;
  child: ChildProcess;
  exited: Promise<void>;
  log: { msg?: string; replica?: string; time?: number }[];
  stderr: string;
}

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
  cleanup = [];
});

function startReplica(name: string, config: Config): Replica {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: ROOT,
    env: { ...process.env, CHILD_CONFIG: JSON.stringify(config), REPLICA_NAME: name },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const replica: Replica = { name, child, exited: new Promise((resolve) => child.once('exit', () => resolve())), log: [], stderr: '' };
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk;
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      try {
        replica.log.push(JSON.parse(line));
      } catch {
        // not a log line
      }
    }
  });
  child.stderr!.on('data', (d) => (replica.stderr += d));
  cleanup.push(async () => {
    child.kill('SIGKILL');
    await replica.exited;
  });
  return replica;
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const holdsGateway = (r: Replica) => r.log.some((l) => l.msg?.startsWith('discord connected (gateway)'));

describe.skipIf(!onPostgres)('replicas on one PostgreSQL database', () => {
  for (const count of [2, 3]) {
    it(`${count} replicas, ${REMINDERS} reminders and ${ANNOUNCEMENTS} announcements, kill -9 of the gateway holder mid-way: each message once, the gateway moves`, async () => {
      // Real timestamps: a taken-over row is looked up in the channel's history since its claim.
      const slack: FakeSlack = await startFakeSlack({ realTimestamps: true });
      const discord: FakeDiscord = await startFakeDiscord();
      cleanup.push(() => slack.stop(), () => discord.stop());
      const databaseUrl = await createTestDatabase();
      const db: Db = await openDatabase(databaseUrl, { migrate: false });
      cleanup.push(() => db.$disconnect());

      // Due from a moment after the replicas are up, spread over 3 seconds.
      const start = Date.now() + 6_000;
      const jobs = [
        ...Array.from({ length: REMINDERS }, (_, n) => ({ kind: 'replica-reminder', key: `replica-reminder:${n}`, n })),
        ...Array.from({ length: ANNOUNCEMENTS }, (_, n) => ({ kind: 'replica-announcement', key: `replica-announcement:${n}`, n })),
      ];
      await db.job.createMany({
        data: jobs.map((j, i) => ({ kind: j.kind, key: j.key, payload: JSON.stringify({ n: j.n }), dueAt: new Date(start + (i % 300) * 10), createdAt: new Date() })),
      });

      const config = {
        databaseUrl,
        admins: [],
        locale: 'ko',
        logLevel: 'info',
        slack: { botToken: 'xoxb-test', signingSecret: 'replica-secret', apiUrl: slack.apiUrl },
        discord: { token: 'fake.bot.token.for.tests', applicationId: APP_ID, apiUrl: discord.apiBase },
      } as unknown as Config;
      const replicas = Array.from({ length: count }, (_, i) => startReplica(`r${i + 1}`, config));
      await until(() => replicas.every((r) => r.log.some((l) => (l as { started?: string }).started)), 60_000, 'replicas to start');
      await until(() => replicas.some(holdsGateway), 10_000, 'a gateway holder');
      // Exactly one gateway session while all run.
      expect(replicas.filter(holdsGateway)).toHaveLength(1);
      expect(discord.gatewayCount()).toBe(1);

      // Kill the gateway holder once the sending is well under way.
      const posts = () => slack.callsTo('chat.postMessage');
      await until(() => posts().length >= REMINDERS * 0.3, 60_000, '30% of the reminders');
      const victim = replicas.find(holdsGateway)!;
      victim.child.kill('SIGKILL');
      await victim.exited;
      const killedAt = Date.now();
      const survivors = replicas.filter((r) => r !== victim);

      // Everything is done: every job ran, every message was sent.
      await until(
        async () =>
          (await db.job.count({ where: { status: 'done', kind: { in: KINDS } } })) === jobs.length &&
          (await db.outboxMessage.count({ where: { status: 'sent' } })) === jobs.length,
        90_000,
        'every job done and every message sent',
      ).catch(async (error: Error) => {
        const jobsBy = await db.job.groupBy({ by: ['status'], _count: true });
        const outboxBy = await db.outboxMessage.groupBy({ by: ['platform', 'status'], _count: true });
        const errors = await db.outboxMessage.findMany({ where: { lastError: { not: null } }, select: { lastError: true }, take: 3 });
        const logs = survivors.flatMap((r) => r.log).filter((l) => (l as { level?: number }).level! >= 40).slice(-5);
        throw new Error(`${error.message}: jobs ${JSON.stringify(jobsBy)} outbox ${JSON.stringify(outboxBy)} errors ${JSON.stringify(errors)} logs ${JSON.stringify(logs)}`);
      });

      // Each reminder reached Slack once.
      const slackKeys = posts().map((c) => (c.body.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key ?? '');
      const perKey = new Map<string, number>();
      for (const key of slackKeys) perKey.set(key, (perKey.get(key) ?? 0) + 1);
      expect(perKey.size).toBe(REMINDERS);
      expect([...perKey.values()].filter((n) => n !== 1)).toEqual([]);
      // Each announcement reached Discord once (every POST counted, also one Discord would drop by its nonce).
      const discordPosts = discord.calls.filter((c) => c.method === 'POST' && c.path === '/channels/3000000000000000099/messages');
      const announced = new Map<string, number>();
      for (const call of discordPosts) {
        const key = /replica-announcement:\d+/.exec(JSON.stringify(call.body))?.[0] ?? '';
        announced.set(key, (announced.get(key) ?? 0) + 1);
      }
      expect(announced.size).toBe(ANNOUNCEMENTS);
      expect([...announced.values()].filter((n) => n !== 1)).toEqual([]);

      // The gateway moved to a survivor, within a minute (here: the retry interval), and only one holds it.
      await until(() => survivors.some(holdsGateway) && discord.gatewayCount() === 1, 60_000, 'the gateway to move');
      expect(survivors.filter(holdsGateway)).toHaveLength(1);
      const takeover = survivors.flatMap((r) => r.log).find((l) => l.msg?.startsWith('discord connected (gateway)'))!;
      expect(takeover.time! - killedAt).toBeLessThan(60_000);
      expect(await db.job.count({ where: { status: { not: 'done' }, kind: { in: KINDS } } })).toBe(0);
    }, 240_000);
  }
});
