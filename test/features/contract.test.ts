// The feature module contract: a capability added as a feature (one job, its
// catalog) and a command file that names it runs end to end through the
// console; its job's payload is checked when read back from the database.
import { afterEach, describe, expect, it } from 'vitest';
import { seoulInstant } from '../../src/core/calendar/index.ts';
import { defineCatalog, type MessagesOf } from '../../src/core/i18n/catalog.ts';
import { defineCommand, defineFeature, defineJob, runJob, subcommand, z } from '../../src/features/context.ts';
import { FEATURES } from '../../src/features/index.ts';
import { COMMANDS } from '../../commands/index.ts';
import { createHarness, type Harness } from '../support/harness.ts';

const catalog = defineCatalog(
  {
    messages: {
      'echo.scheduled': '{minutes}분 뒤에 #{channel}에 "{text}"을(를) 다시 말합니다.',
      'echo.said': '메아리: {text}',
    },
    commands: {
      echo: {
        description: '말을 나중에 다시 하기 (시험용)',
        subcommands: { '': { description: '말을 예약합니다', example: '/echo 10 안녕하세요', options: { minutes: '몇 분 뒤', text: '할 말' } } },
      },
    },
  },
  {
    messages: {
      'echo.scheduled': 'Will say "{text}" again in #{channel} in {minutes} minutes.',
      'echo.said': 'Echo: {text}',
    },
    commands: {
      echo: {
        description: 'Say something again later (test)',
        subcommands: { '': { description: 'Schedules the words', example: '/echo 10 hello', options: { minutes: 'minutes from now', text: 'the words' } } },
      },
    },
  },
);

declare module '../../src/core/i18n/index.ts' {
  interface Messages extends MessagesOf<typeof catalog> {}
}

// The kind is what the command schedules; its run is attached apart (as a feature's job-runs.ts does).
const echoJob = defineJob({ kind: 'test.echo', payload: z.object({ channel: z.string(), text: z.string() }) });
const echoRun = runJob(echoJob, async (ctx, { channel, text }, job) => {
  await ctx.deliver.deliver({ kind: 'channel', platform: 'console', channelId: channel }, (t) => ({ lines: [t('echo.said', { text })] }), job.key);
});

const echo = defineCommand({
  name: 'echo',
  features: ['echo'],
  subcommands: {
    '': subcommand({
      roles: 'any',
      options: [
        { name: 'minutes', type: 'integer', required: true, positional: true },
        { name: 'text', type: 'string', required: true, positional: true, rest: true },
      ],
      handler: async (ctx) => {
        // Typed from the declaration: minutes is a number, text a string.
        const { minutes, text } = ctx.options;
        const channel = ctx.invocation.channelId;
        await echoJob.schedule(ctx.scheduler, {
          key: `echo:${ctx.clock.now().getTime()}`,
          payload: { channel, text },
          dueAt: new Date(ctx.clock.now().getTime() + minutes * 60_000),
        });
        return { tone: 'success', lines: [ctx.t('echo.scheduled', { minutes, channel, text })] };
      },
    }),
  },
});

const echoFeature = defineFeature({ name: 'echo', catalog, jobs: [echoRun] });

let h: Harness;
afterEach(() => h.close());

describe('a feature added through the contract alone', () => {
  it('its command answers, its job runs when due and posts through the outbox, /help lists it', async () => {
    h = await createHarness({ app: { features: [...FEATURES, echoFeature], commands: [...COMMANDS, echo] } });
    expect(await h.say('/echo 10 모임 장소가 바뀌었습니다')).toBe('✔ 10분 뒤에 #console에 "모임 장소가 바뀌었습니다"을(를) 다시 말합니다.');
    expect(await h.say('/help')).toContain('/echo — 말을 나중에 다시 하기 (시험용)');
    expect(await h.say('/echo 열 안녕')).toContain('`minutes`에는 숫자를 적어 주세요');

    expect((await h.app.scheduler.tick()).ran).toBe(0);
    h.clock.advance(10 * 60_000);
    expect((await h.app.scheduler.tick()).ran).toBe(1);
    await h.drain('console');
    expect(h.consoleOutput()).toContain('[→ #console]\n메아리: 모임 장소가 바뀌었습니다');
  });

  it('a job whose stored payload does not fit its schema fails instead of running', async () => {
    h = await createHarness({ app: { features: [...FEATURES, echoFeature], commands: [...COMMANDS, echo] } });
    await h.db.job.create({
      data: { kind: 'test.echo', key: 'echo:bad', payload: JSON.stringify({ channel: 7 }), dueAt: seoulInstant('2026-11-25', '09:00'), createdAt: new Date() },
    });
    const result = await h.app.scheduler.tick();
    expect(result.failed).toBe(1);
    const job = await h.db.job.findUniqueOrThrow({ where: { key: 'echo:bad' } });
    expect(job.lastError).toMatch(/channel|text/);
    await h.drain('console');
    expect(h.consoleOutput()).not.toContain('메아리');
  });

  it('without the feature in the list, the command does not exist', async () => {
    h = await createHarness({ app: { commands: [...COMMANDS, echo] } });
    expect(await h.say('/echo 1 안녕')).toContain('그런 이름의 명령은 없습니다');
  });

  it('every command names only features of the list (a misspelt name would leave it out silently)', () => {
    const names = new Set(FEATURES.map((feature) => feature.name));
    expect(COMMANDS.flatMap((command) => command.features.filter((name) => !names.has(name)))).toEqual([]);
  });
});
