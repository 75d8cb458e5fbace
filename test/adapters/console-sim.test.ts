// The console as a simulator: named channels, BOT_NOW, and /clock moving time
// forward through the scheduled jobs (a monthly meetup's reminders) without waiting.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { splitChannel } from '../../src/adapters/console/console-adapter.ts';
import { slackManifest } from '../../src/adapters/slack/manifest.ts';
import { applicationCommands } from '../../src/adapters/discord/commands.ts';
import { ConfigError, loadConfig, parseBotNow } from '../../src/config.ts';
import { SimulatedClock, TestClock } from '../../src/core/clock.ts';
import { parseClockTarget } from '../../src/features/clock/rules.ts';
import { registryOf } from '../../commands/index.ts';
import { createHarness, freshDatabaseUrl, type Harness } from '../support/harness.ts';

const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
const HOUR = 3_600_000;

/** Two organisations with their channels bound by `#채널` lines, a member reading English, a monthly meetup. */
const SETUP = [
  '/org add 사회복지관 행복종합사회복지관 dong=모라3동',
  '/org add 주민센터 모라3동행정복지센터 dong=모라3동',
  '/member add 김민수 org=모라3동행정복지센터 position=주무관 role=coordinator',
  '/member add Jane org=행복종합사회복지관 position=volunteer',
  '@Jane /member me lang=en',
  '@김민수 #모라3동 /channel bind 모라3동행정복지센터',
  '#복지관 /channel bind 행복종합사회복지관',
  '/meetup create title="모라3동 민관 정례모임" kind=정례모임 org=행복종합사회복지관 with=모라3동행정복지센터 repeat="매월 셋째 목요일" start=2026-12-01 time=14:00 place="복지관 2층"',
  '@김민수 /meetup rsvp 1 참석',
];

/** The posts in printed output: destination and title line. */
function posts(output: string): string[] {
  return [...output.matchAll(/^\[(→ #\S+|DM → \S+)\]\n(.*)$/gm)].map((m) => `${m[1]} ${m[2]}`);
}

async function simulator(): Promise<Harness> {
  // 2026-12-01 09:00 in Seoul; the meetup's December date is Thursday the 17th.
  return createHarness({ now: '2026-12-01T00:00:00Z', simulated: true });
}

describe('/clock moves the console through a meetup\'s reminders', () => {
  it('shows the 7-day, 1-day and 1-hour reminders in the bound channels, in order, and the English DM', async () => {
    const h = await simulator();
    for (const line of SETUP) expect(await h.say(line)).toMatch(/^✔/);
    expect(await h.say('/clock')).toBe('지금 봇의 시각: 2026-12-01 (화) 09:00');

    // Nothing is due yet in the first week.
    let printed = h.consoleOutput().length;
    const week = await h.say('/clock +7d');
    expect(week).toMatch(/^✔ 시계를 2026-12-08 \(화\) 09:00\(으\)로 옮겼습니다\./);
    expect(posts(h.consoleOutput().slice(printed))).toEqual([]);

    // 7 days before (12-10 14:00) and 1 day before (12-16 14:00), with the DM to the one who has not answered.
    printed = h.consoleOutput().length;
    expect(await h.say('/clock 2026-12-16 14:00')).toMatch(/^✔ 시계를 2026-12-16 \(수\) 14:00/);
    const second = h.consoleOutput().slice(printed);
    expect(posts(second)).toEqual([
      '→ #복지관 ■ [정례모임] 모라3동 민관 정례모임 — 7일 전 알림',
      '→ #모라3동 ■ [정례모임] 모라3동 민관 정례모임 — 7일 전 알림',
      '→ #복지관 ■ [정례모임] 모라3동 민관 정례모임 — 1일 전 알림',
      '→ #모라3동 ■ [정례모임] 모라3동 민관 정례모임 — 1일 전 알림',
      'DM → Jane ■ 모라3동 민관 정례모임',
    ]);
    // The member who chose English reads the nudge in English; the channels read BOT_LOCALE (Korean).
    expect(second).toContain('You have not answered for "모라3동 민관 정례모임" tomorrow, 2026-12-17 14:00.');
    expect(second).toContain('[1] attend  [2] decline  [3] not sure');
    expect(second).not.toContain('DM → 김민수');

    printed = h.consoleOutput().length;
    expect(await h.say('/clock +23시간')).toMatch(/^✔ 시계를 2026-12-17 \(목\) 13:00/);
    expect(posts(h.consoleOutput().slice(printed))).toEqual([
      '→ #복지관 ■ [정례모임] 모라3동 민관 정례모임 — 1시간 전 알림',
      '→ #모라3동 ■ [정례모임] 모라3동 민관 정례모임 — 1시간 전 알림',
    ]);

    // No real time passed: the clock underneath never moved.
    expect(h.clock.now().toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(h.app.clock.now().toISOString()).toBe('2026-12-17T04:00:00.000Z');
    await h.close();
  });

  it('picks up jobs scheduled on the way: a jump of two months sends January\'s reminders too', async () => {
    const h = await simulator();
    // Started as `npm start` starts it: the daily planning job exists, the scheduler and the sender run.
    await h.app.start();
    for (const line of SETUP) await h.say(line);
    // Reminders are planned 45 days ahead by the daily planning job, which the walk runs every day.
    await h.say('/clock 2027-01-21 14:00');
    const sent = posts(h.consoleOutput()).filter((p) => p.startsWith('→ #복지관') && p.includes('알림'));
    expect(sent).toHaveLength(6); // 12-17 and 2027-01-21: 7 days, 1 day, 1 hour each
    const months = await h.db.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: 'meetup-month' } } });
    expect(months.length).toBeGreaterThan(0); // "이번 달 모임" on the first working day of January
    await h.close();
  });

  it('refuses a non-admin, a move backwards and a bad value, and changes nothing', async () => {
    const h = await simulator();
    for (const line of SETUP) await h.say(line);
    await h.say('/clock +1d');
    const state = async () => ({
      now: h.app.clock.now().toISOString(),
      jobs: await h.db.job.findMany({ orderBy: { id: 'asc' }, select: { id: true, status: true, dueAt: true } }),
      outbox: await h.db.outboxMessage.count(),
      output: h.consoleOutput(),
    });
    const before = await state();
    expect(await h.say('@김민수 /clock +7d')).toBe(
      '✖ `/clock`은(는) 관리자 역할만 쓸 수 있습니다. 지금 역할: 코디네이터. 관리자에게 역할을 요청하세요.',
    );
    expect(await h.say('/clock 2026-12-01 09:00')).toBe(
      '✖ 시계는 앞으로만 갑니다: 지금 2026-12-02 (수) 09:00, 요청 2026-12-01 (화) 09:00. 이미 실행한 예약 작업은 되돌릴 수 없습니다. 예: /clock +1d',
    );
    expect(await h.say('/clock -1d')).toMatch(/^✖ 옮길 시각을 알 수 없습니다\..* 예: \/clock \+7d$/);
    expect(await h.say('/clock 내일')).toMatch(/^✖ 옮길 시각을 알 수 없습니다/);
    expect(await h.say('/clock 2026-13-01')).toMatch(/옮길 시각을 알 수 없습니다/);
    expect(await state()).toEqual(before);
    await h.close();
  });

  it('exists only in the console: not on Slack or Discord, in their help, manifest or registration', async () => {
    const registry = registryOf();
    expect(registry.get('clock', 'console')).toBeDefined();
    expect(registry.get('clock', 'slack')).toBeUndefined();
    expect(registry.all('discord').map((c) => c.name)).not.toContain('clock');
    expect(slackManifest(registry).features.slash_commands.map((c: { command: string }) => c.command)).not.toContain('/clock');
    expect(applicationCommands(registry).map((c) => c.name)).not.toContain('clock');

    const h = await simulator();
    const slackUser = { platform: 'slack' as const, platformUserId: 'U1', displayName: 'u', channelId: 'C1' };
    const slackHelp = await h.bot.handleText('/help', slackUser);
    expect(JSON.stringify(slackHelp.card)).not.toContain('/clock');
    expect(JSON.stringify((await h.bot.handleText('/clock +1d', slackUser)).card)).toContain('그런 이름의 명령은 없습니다');
    expect(await h.say('/help')).toContain('/clock — 봇의 시계를 앞으로 옮기기 (콘솔 전용, 관리자)');
    await h.close();
  });

  it('without a simulated clock (a plain TestClock) /clock says it cannot move time', async () => {
    const h = await createHarness();
    expect(await h.say('/clock +1d')).toBe('✖ 이 콘솔에서는 시계를 옮길 수 없습니다.');
    await h.close();
  });
});

describe('console channels', () => {
  it('`#채널 /명령` speaks in that channel; other `#` lines stay comments', async () => {
    expect(splitChannel('#모라3동 /channel list')).toEqual({ channel: '모라3동', text: '/channel list' });
    expect(splitChannel('#모라3동 2')).toEqual({ channel: '모라3동', text: '2' });
    expect(splitChannel('# a comment /with a slash')).toEqual({ text: '# a comment /with a slash' });
    expect(splitChannel('#메모 내일 할 일')).toEqual({ text: '#메모 내일 할 일' });

    const h = await simulator();
    await h.say('/org add 사회복지관 행복종합사회복지관');
    expect(await h.say('#복지관 /channel bind 행복종합사회복지관')).toBe('✔ 이 채널(#복지관)을 행복종합사회복지관의 채널로 연결했습니다.');
    expect(await h.say('#복지관 /channel list')).toContain('#1 행복종합사회복지관');
    expect(await h.say('@@박영희 #복지관 /channel list')).toContain('#1 행복종합사회복지관');
    expect(await h.say('/channel list')).not.toContain('행복종합사회복지관');
    expect(await h.say('#메모 /channel 은 나중에')).toBeDefined(); // a command in channel 메모, not a comment
    expect(await h.say('# 주석 줄')).toBe('');
    await h.close();
  });
});

describe('the simulated clock and its commands', () => {
  it('starts where told, flows with the clock underneath, and never goes back', () => {
    const real = new TestClock('2026-01-01T00:00:00Z');
    const clock = new SimulatedClock(new Date('2026-12-01T00:00:00Z'), real);
    real.advance(5_000);
    expect(clock.now().toISOString()).toBe('2026-12-01T00:00:05.000Z');
    clock.moveTo(new Date('2026-12-08T00:00:00Z'));
    real.advance(1_000);
    expect(clock.now().toISOString()).toBe('2026-12-08T00:00:01.000Z');
    expect(() => clock.moveTo(new Date('2026-12-07T00:00:00Z'))).toThrow(RangeError);
    expect(new SimulatedClock(undefined, real).now()).toEqual(real.now());
  });

  it('reads steps forward and Seoul dates', () => {
    const ms = (text: string) => {
      const target = parseClockTarget(text);
      return target?.kind === 'relative' ? target.ms : target;
    };
    expect(ms('+7d')).toBe(7 * 24 * HOUR);
    expect(ms('+2h')).toBe(2 * HOUR);
    expect(ms('+30m')).toBe(HOUR / 2);
    expect(ms('+1d2h')).toBe(26 * HOUR);
    expect(ms('+7일')).toBe(7 * 24 * HOUR);
    expect(ms('+2시간')).toBe(2 * HOUR);
    expect(ms('+1일 2시간 30분')).toBe(26.5 * HOUR);
    expect(ms('+1w')).toBe(7 * 24 * HOUR);
    for (const bad of ['7d', '+', '+0d', '+1x', '+d', '-1d', '+1d bogus', '2027-02-30', '2027-01-01 25:00', 'tomorrow']) {
      expect(parseClockTarget(bad), bad).toBeUndefined();
    }
    expect(parseClockTarget('2027-01-01 09:00')).toEqual({ kind: 'absolute', instant: new Date('2027-01-01T00:00:00Z') });
    expect(parseClockTarget('2027-01-01')).toEqual({ kind: 'absolute', instant: new Date('2026-12-31T15:00:00Z') });
  });
});

describe('BOT_NOW', () => {
  const load = (env: Record<string, string>) => loadConfig(env, '/nonexistent/.env');

  it('accepts Seoul wall-clock times and ISO instants', () => {
    expect(load({ BOT_NOW: '2026-12-01 09:00' }).now?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(load({ BOT_NOW: '2026-12-01T09:00' }).now?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(load({ BOT_NOW: '2026-12-01' }).now?.toISOString()).toBe('2026-11-30T15:00:00.000Z');
    expect(load({ BOT_NOW: '2026-12-01T00:00:00Z' }).now?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(load({ BOT_NOW: '2026-12-01T09:00+09:00' }).now?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(load({ BOT_NOW: '' }).now).toBeUndefined();
    expect(load({}).now).toBeUndefined();
    for (const bad of ['tomorrow', '2026-02-30 09:00', '2026-12-01 9am', '2026-02-30T00:00:00Z', '1764547200']) {
      expect(parseBotNow(bad), bad).toBeUndefined();
    }
  });

  it('names the variable and shows an example when it cannot be read', () => {
    expect(() => load({ BOT_NOW: 'tomorrow' })).toThrow(ConfigError);
    expect(() => load({ BOT_NOW: 'tomorrow' })).toThrow(/BOT_NOW: must be .* e\.g\. 2026-12-01 09:00/);
  });

  it('is refused when Slack or Discord is configured', () => {
    const slack = { BOT_NOW: '2026-12-01 09:00', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret-123' };
    expect(() => load(slack)).toThrow(ConfigError);
    expect(() => load(slack)).toThrow(/BOT_NOW: console only/);
    expect(() => load({ BOT_NOW: '2026-12-01', DISCORD_TOKEN: 'x'.repeat(30), DISCORD_APPLICATION_ID: '123456789012345678' })).toThrow(
      /BOT_NOW: console only/,
    );
    expect(load({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret-123' }).now).toBeUndefined();
  });
});

function runBot(input: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsxCli, 'src/main.ts'], {
      env: { ...process.env, SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: '', DISCORD_TOKEN: '', DISCORD_APPLICATION_ID: '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('a piped script with BOT_NOW (the real entry point)', () => {
  it('moves through the reminders, and at the end of input sends what fell due', async () => {
    const script = [
      '# 모라3동 정례모임',
      ...SETUP,
      '/clock 2026-12-16 14:00',
      '/clock +23h',
      // Created after its 7-day reminder was due (12-11 13:30) and before the 1-day one: the
      // 7-day reminder is still sent, late, by the job this line scheduled — the console
      // waits for due work before it exits.
      '/meetup create title="긴급 사례회의" kind=사례회의 org=행복종합사회복지관 repeat=once start=2026-12-18 time=13:30',
    ].join('\n');
    const result = await runBot(`${script}\n`, { DATABASE_URL: freshDatabaseUrl(), LOG_LEVEL: 'warn', BOT_NOW: '2026-12-01 09:00' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(posts(result.stdout)).toEqual([
      '→ #복지관 ■ [정례모임] 모라3동 민관 정례모임 — 7일 전 알림',
      '→ #모라3동 ■ [정례모임] 모라3동 민관 정례모임 — 7일 전 알림',
      // Monday's weekly digest to the dong head (the first working day of the week).
      'DM → 김민수 ■ [민관협력] 12월 3주차 요약 — 모라3동행정복지센터',
      '→ #복지관 ■ [정례모임] 모라3동 민관 정례모임 — 1일 전 알림',
      '→ #모라3동 ■ [정례모임] 모라3동 민관 정례모임 — 1일 전 알림',
      'DM → Jane ■ 모라3동 민관 정례모임',
      '→ #복지관 ■ [정례모임] 모라3동 민관 정례모임 — 1시간 전 알림',
      '→ #모라3동 ■ [정례모임] 모라3동 민관 정례모임 — 1시간 전 알림',
      // A case conference takes agenda items: intake opens at once (late), the silent agency is reminded.
      '→ #복지관 ■ 안건 접수 시작: 「긴급 사례회의」 2026-12-18',
      '→ #복지관 ■ [통합사례회의] 긴급 사례회의 — 7일 전 알림',
      'DM → Jane 행복종합사회복지관 has no item yet for "긴급 사례회의" on 2026-12-18. If you have a case to bring, until 2026-12-17 17:00: /agenda add 2 case=… consent=yes',
    ]);
    expect(result.stdout).toContain('Please let us know if you will attend.');
  }, 30_000);

  it('stops with a message naming BOT_NOW when Slack is configured', async () => {
    const result = await runBot('', {
      DATABASE_URL: freshDatabaseUrl(),
      BOT_NOW: '2026-12-01 09:00',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 'secret-123',
    });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('BOT_NOW: console only');
  }, 30_000);

  it('stops with a message naming BALLOT_KEY when Slack is configured without it', async () => {
    const result = await runBot('', { DATABASE_URL: freshDatabaseUrl(), SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret-123', BALLOT_KEY: '' });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('BALLOT_KEY: missing — with Slack or Discord');
    expect(result.stderr).toContain('openssl rand -base64 32');
  }, 30_000);
});
