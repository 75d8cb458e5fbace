// npm run bench:adapters
// Latency of read commands through the bot vs. the bare libraries, measured
// the same way on both sides; RSS of the bot, of a bare Bolt app and of a bare
// Bolt + discord.js process, idle and after 2,000 and 20,000 signed commands.
// - Slack: a signed slash command over HTTP -> the answer POSTed to response_url.
// - Discord: INTERACTION_CREATE over the gateway -> the interaction callback.
// Each side has its own fake server on 127.0.0.1. Not a test: it prints figures.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { App as BoltApp, LogLevel } from '@slack/bolt';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import pino from 'pino';
import { createApp } from '../src/app.ts';
import { cardToMessage } from '../src/adapters/discord/components.ts';
import { cardToBlocks } from '../src/adapters/slack/blocks.ts';
import { systemClock } from '../src/core/clock.ts';
import { migrate } from '../src/db/migrator.ts';
import { APP_ID, chatInputInteraction, nextInteractionId, startFakeDiscord, USER_ID, type FakeDiscord } from '../test/support/fake-discord.ts';
import { signSlackRequest, slashCommandBody, startFakeSlack, type FakeSlack } from '../test/support/fake-slack.ts';

const N = Number(process.env.BENCH_N ?? 300);
const WARMUP = 50;
const SECRET = 'bench-signing-secret';
const SLACK_USER = 'U111';
const DISCORD_TOKEN = 'bench.discord.token.0000000000000';

const dir = mkdtempSync(join(tmpdir(), 'bench-'));
const template = join(dir, 'template.db');
await migrate(`file:${template}`);
const freshDb = (name: string) => {
  copyFileSync(template, join(dir, name));
  return `file:${join(dir, name)}`;
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

let seq = 0;
async function slackRound(fake: FakeSlack, url: string, command: string, text: string): Promise<number> {
  const id = `b${++seq}`;
  const body = slashCommandBody({ command, text, user_id: SLACK_USER, trigger_id: `trig-${id}`, response_url: fake.responseUrl(id) });
  const start = performance.now();
  const answered = fake.waitForResponse((r) => r.id === id, 5000);
  const res = await fetch(url, { method: 'POST', headers: signSlackRequest(SECRET, body) as unknown as Record<string, string>, body });
  if (res.status !== 200) throw new Error(`slack answered ${res.status}`);
  await answered;
  return performance.now() - start;
}

async function discordRound(fake: FakeDiscord, name: string, options: unknown[], channelId?: string): Promise<number> {
  ++seq;
  const id = nextInteractionId();
  const start = performance.now();
  const called = fake.waitForCall((c) => c.path.startsWith(`/interactions/${id}/`), 5000);
  fake.dispatch('INTERACTION_CREATE', chatInputInteraction({ id, name, options: options as never, userId: USER_ID, channelId }));
  await called;
  return performance.now() - start;
}

async function measure(round: () => Promise<number>) {
  for (let i = 0; i < WARMUP; i++) await round();
  const samples: number[] = [];
  for (let i = 0; i < N; i++) samples.push(await round());
  return summary(samples);
}

// ---------- the bot (both adapters in one process) ----------
const botSlack = await startFakeSlack();
const botDiscord = await startFakeDiscord();
const app = await createApp(
  {
    databaseUrl: freshDb('bot.db'),
    admins: [`slack:${SLACK_USER}`, `discord:${USER_ID}`],
    locale: 'ko',
    logLevel: 'silent',
    slack: { botToken: 'xoxb-bench', signingSecret: SECRET, apiUrl: botSlack.apiUrl },
    discord: { token: DISCORD_TOKEN, applicationId: APP_ID, apiUrl: botDiscord.apiBase },
  },
  { clock: systemClock, logger: pino({ level: 'silent' }), migrate: false, tuning: { discord: { rest: { retries: 0 } } } },
);
await app.start();
await botDiscord.waitForReady();
for (let i = 1; i <= 30; i++) {
  await app.bot.handleText(`/org add 기타 협력기관${i} dong=모라${i}동`, {
    platform: 'console',
    platformUserId: 'admin',
    displayName: 'admin',
    channelId: 'console',
  });
}
const botSlackUrl = `http://127.0.0.1:${app.http?.port}/slack/events`;

// ---------- the bare libraries ----------
const bareSlack = await startFakeSlack();
const bolt = new BoltApp({
  token: 'xoxb-bare',
  signingSecret: SECRET,
  logLevel: LogLevel.ERROR,
  tokenVerificationEnabled: false,
  botId: 'B',
  botUserId: 'U',
  clientOptions: { slackApiUrl: bareSlack.apiUrl, retryConfig: { retries: 0 } },
});
// The bare app either echoes (the baseline) or sends the very message
// the bot would send ("same message"), which isolates the bot's own overhead.
const richSlack = new Map<string, { text: string; blocks: unknown[] }>();
for (const name of ['/help', '/org']) {
  bolt.command(name, async ({ ack, respond, command }) => {
    await ack();
    const rich = command.text.startsWith('rich') ? richSlack.get(name) : undefined;
    await respond(rich ? ({ response_type: 'ephemeral', ...rich } as never) : { response_type: 'ephemeral', text: `echo: ${command.text}` });
  });
}
const boltServer = (await bolt.start({ port: 0, host: '127.0.0.1' } as never)) as unknown as { address(): { port: number } };
const bareSlackUrl = `http://127.0.0.1:${boltServer.address().port}/slack/events`;

const bareDiscord = await startFakeDiscord();
const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: bareDiscord.apiBase, retries: 0 } });
const richDiscord = new Map<string, object>();
client.on(Events.InteractionCreate, async (interaction) => {
  if (!interaction.isChatInputCommand()) return;
  const rich = interaction.channelId === 'rich' ? richDiscord.get(interaction.commandName) : undefined;
  await interaction.reply(rich ?? { content: `echo: ${interaction.commandName}` });
});
const clientReady = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
await client.login(DISCORD_TOKEN);
await clientReady;

// The messages the bot sends for these commands, for the "same message" baseline.
const admin = { platform: 'console' as const, platformUserId: 'admin', displayName: 'admin', channelId: 'console' };
for (const [slackName, discordName, text] of [
  ['/help', 'help', '/help'],
  ['/org', 'org', '/org list'],
] as const) {
  const reply = await app.bot.handleText(text, admin);
  richSlack.set(slackName, cardToBlocks(reply.card));
  richDiscord.set(discordName, cardToMessage(reply.card));
}

// ---------- measure ----------
const cases: { name: string; bot: () => Promise<number>; bare: () => Promise<number>; same: () => Promise<number> }[] = [
  {
    name: 'slack /help',
    bot: () => slackRound(botSlack, botSlackUrl, '/help', ''),
    bare: () => slackRound(bareSlack, bareSlackUrl, '/help', ''),
    same: () => slackRound(bareSlack, bareSlackUrl, '/help', 'rich'),
  },
  {
    name: 'slack /org list',
    bot: () => slackRound(botSlack, botSlackUrl, '/org', 'list'),
    bare: () => slackRound(bareSlack, bareSlackUrl, '/org', 'list'),
    same: () => slackRound(bareSlack, bareSlackUrl, '/org', 'rich list'),
  },
  {
    name: 'discord /help',
    bot: () => discordRound(botDiscord, 'help', []),
    bare: () => discordRound(bareDiscord, 'help', []),
    same: () => discordRound(bareDiscord, 'help', [], 'rich'),
  },
  {
    name: 'discord /org list',
    bot: () => discordRound(botDiscord, 'org', [{ type: 1, name: 'list', options: [] }]),
    bare: () => discordRound(bareDiscord, 'org', [{ type: 1, name: 'list', options: [] }]),
    same: () => discordRound(bareDiscord, 'org', [{ type: 1, name: 'list', options: [] }], 'rich'),
  },
];

const rows: string[] = [];
const fmt = (ms: number) => `${ms.toFixed(2)}`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
for (const c of cases) {
  const bare = await measure(c.bare);
  const same = await measure(c.same);
  const bot = await measure(c.bot);
  rows.push(
    `| ${c.name} | ${fmt(bare.p50)} / ${fmt(bare.p99)} | ${fmt(same.p50)} / ${fmt(same.p99)} | ${fmt(bot.p50)} / ${fmt(bot.p99)} | ${ratio(bot.p50, bare.p50)} / ${ratio(bot.p99, bare.p99)} | ${ratio(bot.p50, same.p50)} / ${ratio(bot.p99, same.p99)} |`,
  );
}

await app.stop();
await bolt.stop();
await client.destroy();

// ---------- RSS: the real entry point in its own process, beside the bare libraries ----------
// Each side runs in its own process with the node flags of `npm start`:
// - the bot (dist/src/main.js, Slack HTTP + Discord connected),
// - a bare Bolt app answering /help with a one-line respond(),
// - a bare Bolt + discord.js process (both connected, nothing registered): the floor.
// Idle RSS after 5 s; then N signed /help commands (16 in flight, each waited
// for until its answer reaches response_url), RSS after 2,000 and after 20,000.
const rssSlack = await startFakeSlack();
const rssDiscord = await startFakeDiscord();
// npm start runs the compiled bot; measure that.
await new Promise<void>((resolve, reject) =>
  spawn('npm', ['run', '-s', 'build'], { stdio: 'inherit' }).on('exit', (code) => (code === 0 ? resolve() : reject(new Error('build failed')))),
);
// The same node flags as `npm start` (package.json), so the figure is the real one.
const startScript = JSON.parse(readFileSync('package.json', 'utf8')).scripts.start as string;
const nodeFlags = /node ((?:--\S+ )*)scripts\/start\.mjs/.exec(startScript)?.[1].trim().split(' ').filter(Boolean) ?? [];
if (nodeFlags.length === 0) throw new Error('could not read the node flags of the start script');

const freePort = async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
};
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startProcess(args: string[], env: Record<string, string>, ready: string) {
  const child = spawn(process.execPath, [...nodeFlags, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const started = Date.now();
  while (!log.includes(ready)) {
    if (child.exitCode !== null || Date.now() - started > 30_000) throw new Error(`process did not start:\n${log}`);
    await sleep(100);
  }
  return child;
}
async function stopProcess(child: ReturnType<typeof spawn>) {
  child.kill('SIGTERM');
  if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
}

/** N signed /help commands to `url`, `inFlight` at a time; calls `at(count)` at each checkpoint. */
async function flood(url: string, total: number, checkpoints: number[], at: (count: number) => void) {
  const inFlight = 16;
  let next = 0;
  let done = 0;
  const pending = new Map<string, () => void>();
  rssSlack.reset();
  const seen = setInterval(() => {
    for (const r of rssSlack.responses.splice(0)) pending.get(r.id)?.();
  }, 2);
  const one = async () => {
    while (next < total) {
      const id = `m${++seq}`;
      next++;
      const body = slashCommandBody({ command: '/help', text: '', user_id: SLACK_USER, trigger_id: `trig-${id}`, response_url: rssSlack.responseUrl(id) });
      const answered = new Promise<void>((resolve) => pending.set(id, resolve));
      const res = await fetch(url, { method: 'POST', headers: signSlackRequest(SECRET, body) as unknown as Record<string, string>, body });
      if (res.status !== 200) throw new Error(`slack answered ${res.status}`);
      await answered;
      pending.delete(id);
      done++;
      if (checkpoints.includes(done)) at(done);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, one));
  clearInterval(seen);
}

const MEMORY_N = Number(process.env.BENCH_MEMORY_N ?? 20_000);
const checkpoints = [2_000, MEMORY_N];
const memory: Record<string, Record<string, number>> = {};

// The bot.
const botPort = await freePort();
const botChild = await startProcess(
  ['dist/src/main.js'],
  {
    DATABASE_URL: freshDb('rss.db'),
    LOG_LEVEL: 'info',
    SLACK_BOT_TOKEN: 'xoxb-rss',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: rssSlack.apiUrl,
    PORT: String(botPort),
    DISCORD_TOKEN,
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_URL: rssDiscord.apiBase,
  },
  'bot started',
);
await sleep(5000); // idle
memory.bot = { idle: rssMb(botChild.pid!) };
await flood(`http://127.0.0.1:${botPort}/slack/events`, MEMORY_N, checkpoints, (n) => (memory.bot[n] = rssMb(botChild.pid!)));
await stopProcess(botChild);

// Bare Bolt answering the same requests.
const boltOnly = `
const { App, LogLevel } = require('@slack/bolt');
const app = new App({ token: 'xoxb-bare', signingSecret: process.env.SECRET, logLevel: LogLevel.ERROR, tokenVerificationEnabled: false,
  botId: 'B', botUserId: 'U', clientOptions: { slackApiUrl: process.env.SLACK_API_URL, retryConfig: { retries: 0 } } });
app.command('/help', async ({ ack, respond, command }) => { await ack(); await respond({ response_type: 'ephemeral', text: 'echo: ' + command.text }); });
app.start({ port: Number(process.env.PORT), host: '127.0.0.1' }).then(() => console.log('bare started'));
`;
const barePort = await freePort();
const bareChild = await startProcess(['-e', boltOnly], { SECRET, SLACK_API_URL: rssSlack.apiUrl, PORT: String(barePort) }, 'bare started');
await sleep(5000);
memory.bolt = { idle: rssMb(bareChild.pid!) };
await flood(`http://127.0.0.1:${barePort}/slack/events`, MEMORY_N, checkpoints, (n) => (memory.bolt[n] = rssMb(bareChild.pid!)));
await stopProcess(bareChild);

// Bare Bolt + discord.js, both connected, idle: the floor.
const floorScript = boltOnly.replace(
  "console.log('bare started')",
  `(async () => { const { Client, GatewayIntentBits, Events } = require('discord.js');
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: process.env.DISCORD_API_URL, retries: 0 } });
    client.once(Events.ClientReady, () => console.log('floor started')); await client.login(process.env.DISCORD_TOKEN); })()`,
);
const floorChild = await startProcess(
  ['-e', floorScript],
  { SECRET, SLACK_API_URL: rssSlack.apiUrl, PORT: String(await freePort()), DISCORD_API_URL: rssDiscord.apiBase, DISCORD_TOKEN },
  'floor started',
);
await sleep(5000);
memory.floor = { idle: rssMb(floorChild.pid!) };
await stopProcess(floorChild);

for (const fake of [botSlack, bareSlack, rssSlack]) await fake.stop();
for (const fake of [botDiscord, bareDiscord, rssDiscord]) await fake.stop();

console.log(`adapter latency, n=${N} after ${WARMUP} warm-up rounds (Node ${process.version}, ${new Date().toISOString().slice(0, 10)})`);
console.log('p50 / p99 in ms; "bare echo" answers a one-line text, "bare same" sends the exact message the bot sends');
console.log('| command | bare echo | bare same | bot | bot ÷ echo | bot ÷ same |');
console.log('|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
const mb = (v: number | undefined) => (v === undefined ? '—' : `${v.toFixed(1)} MB`);
console.log(`\nRSS, each in its own process (node ${nodeFlags.join(' ')}); signed Slack /help commands over HTTP, 16 in flight`);
console.log(`| process | idle | after 2,000 | after ${MEMORY_N.toLocaleString('en')} | growth 2,000 → ${MEMORY_N.toLocaleString('en')} |`);
console.log('|---|---|---|---|---|');
for (const [label, m] of [
  ['bot (Slack HTTP + Discord connected)', memory.bot],
  ['bare Bolt (one-line answer)', memory.bolt],
  ['bare Bolt + discord.js, both connected (floor)', memory.floor],
] as const) {
  const growth = m[MEMORY_N] !== undefined ? `${(m[MEMORY_N] - m[2000]).toFixed(1)} MB` : '—';
  console.log(`| ${label} | ${mb(m.idle)} | ${mb(m[2000])} | ${mb(m[MEMORY_N])} | ${growth} |`);
}
process.exit(0);
