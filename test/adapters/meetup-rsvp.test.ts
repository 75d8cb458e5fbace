// Meetup reminders and RSVP buttons end to end, through the real adapters:
// a series created on the console, its reminder jobs run by the scheduler,
// the reminder card posted by the outbox to a bound Slack / Discord channel,
// and a member pressing 참석 / 불참 on that very message.
//
// Timeline (KST = UTC+9; the harness clock starts at 2026-11-25T01:00Z = 10:00 KST):
//   series: every 4th Thursday at 14:00 -> next occurrence 2026-11-26 14:00 KST (05:00Z)
//   7d reminder 2026-11-19 14:00 KST  (already due; runs late, lateUntil = the start)
//   1d reminder + nudge 2026-11-25 14:00 KST = 2026-11-25T05:00Z
//   1h reminder 2026-11-26 13:00 KST = 2026-11-26T04:00Z
import type { APIEmbed, APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordAdapter } from '../../src/adapters/discord/discord-adapter.ts';
import {
  embedText, APP_ID, buttonInteraction, startFakeDiscord, type FakeDiscord } from '../support/fake-discord.ts';
import { blockActionBody, signSlackRequest, startFakeSlack, type FakeSlack, type SlackCall } from '../support/fake-slack.ts';
import { createHarness, slackEventsUrl, type Harness } from '../support/harness.ts';

const SECRET = 'meetup-rsvp-secret';
const OCCURRENCE = '2026-11-26';
const RSVP_PREFIX = `cmd:u:/meetup rsvp 1`;
const yesId = `${RSVP_PREFIX} yes on=${OCCURRENCE}`;
const noId = `${RSVP_PREFIX} no on=${OCCURRENCE}`;

const SETUP = [
  '/org add 사회복지관 행복종합사회복지관',
  '/org add 행정복지센터 모라3동행정복지센터',
  '/member add 김민수 org=모라3동행정복지센터',
  '/member add 박영희 org=행복종합사회복지관',
];
const CREATE =
  '/meetup create title="정례모임" kind=정례모임 org=행복종합사회복지관 with=모라3동행정복지센터 repeat=monthly:4:목 start=2026-11-01 time=14:00';

/** Console setup shared by both platforms; returns the member ids. */
async function setUpDirectory(h: Harness) {
  const replies = await h.run(...SETUP);
  expect(replies[0]).toContain('행복종합사회복지관(#1)');
  expect(replies[1]).toContain('모라3동행정복지센터(#2)');
  const minsu = await h.db.member.findFirstOrThrow({ where: { name: '김민수' } });
  const younghee = await h.db.member.findFirstOrThrow({ where: { name: '박영희' } });
  expect(minsu.orgId).toBe(2);
  expect(younghee.orgId).toBe(1);
  return { minsu: minsu.id, younghee: younghee.id };
}

async function createMeetup(h: Harness) {
  const created = await h.say(CREATE);
  expect(created).toContain('정례모임');
  expect(created).toContain(OCCURRENCE);
  expect(await h.db.meetupSeries.count()).toBe(1);
}

const rsvpRows = (h: Harness) =>
  h.db.rsvp.findMany({ select: { seriesId: true, memberId: true, answer: true, original: true }, orderBy: { id: 'asc' } });

// ---------------------------------------------------------------------------

describe('meetup RSVP on Slack (real Bolt over HTTP, fake Slack)', () => {
  const CHANNEL = 'CMEET';
  let fake: FakeSlack;
  let h: Harness;
  let eventsUrl: string;
  let ids: { minsu: number; younghee: number };
  let presses = 0;

  beforeAll(async () => {
    fake = await startFakeSlack();
    h = await createHarness({
      admins: ['slack:U111'],
      slack: { botToken: 'xoxb-test', signingSecret: SECRET, apiUrl: fake.apiUrl },
    });
    await h.startAdapters();
    eventsUrl = slackEventsUrl(h);
  });
  afterAll(async () => {
    await h?.close();
    await fake?.stop();
  });

  const postsTo = (channel: string): SlackCall[] => fake.callsTo('chat.postMessage').filter((c) => c.body.channel === channel);

  /** U222 (or another user) presses a button on the reminder in CMEET; resolves with the answer on response_url. */
  async function press(actionId: string, userId = 'U222') {
    const id = `rsvp-${++presses}`;
    // A fresh trigger_id per press: Bolt's dedup middleware would drop a repeated one as a Slack retry.
    const body = blockActionBody({ actionId, userId, channelId: CHANNEL, responseUrl: fake.responseUrl(id), triggerId: `trig-rsvp-${presses}` });
    const res = await fetch(eventsUrl, { method: 'POST', headers: signSlackRequest(SECRET, body) as never, body });
    expect(res.status).toBe(200);
    const response = await fake.waitForResponse((r) => r.id === id);
    return response.body as { response_type?: string; replace_original?: boolean; text: string; blocks: unknown[] };
  }

  it('the late 7d reminder is posted to the bound channel with RSVP buttons', async () => {
    ids = await setUpDirectory(h);
    await h.db.chatIdentity.createMany({
      data: [
        { platform: 'slack', userId: 'U222', memberId: ids.minsu },
        { platform: 'slack', userId: 'U333', memberId: ids.younghee },
      ],
    });
    await h.db.channelBinding.create({ data: { platform: 'slack', channelId: CHANNEL, orgId: 2 } });
    await createMeetup(h);

    // 7d, 1d, 1h and a nudge for each planned occurrence; only the 7d one of 11-26 is due.
    const planned = await h.db.job.findMany({ where: { key: { contains: `@${OCCURRENCE}T14:00` } }, orderBy: { dueAt: 'asc' } });
    expect(planned.map((j) => [j.kind, j.dueAt.toISOString()])).toEqual([
      ['meetup.reminder', '2026-11-19T05:00:00.000Z'],
      ['meetup.reminder', '2026-11-25T05:00:00.000Z'],
      ['meetup.nudge', '2026-11-25T05:00:00.000Z'],
      ['meetup.reminder', '2026-11-26T04:00:00.000Z'],
    ]);

    expect(await h.app.scheduler.tick()).toEqual({ ran: 1, missed: 0, failed: 0 });
    expect(await h.drain('slack')).toBe(1);

    const posts = postsTo(CHANNEL);
    expect(posts).toHaveLength(1);
    const json = JSON.stringify(posts[0].body.blocks);
    expect(String(posts[0].body.text)).toContain('정례모임');
    expect(json).toContain('7일 전 알림');
    expect(json).toContain('참석 0 · 불참 0 · 미정 0');
    const actionIds = (posts[0].body.blocks as { type: string; elements?: { action_id?: string }[] }[])
      .filter((b) => b.type === 'actions')
      .flatMap((b) => (b.elements ?? []).map((e) => e.action_id));
    expect(actionIds).toEqual([yesId, noId, `${RSVP_PREFIX} maybe on=${OCCURRENCE}`]);
    // Nobody was DMed yet: the nudge is due a day before.
    expect(fake.callsTo('conversations.open')).toHaveLength(0);
  });

  it('pressing 참석 replaces the message with the new counts and stores the answer', async () => {
    const answer = await press(yesId);
    expect(answer.replace_original).toBe(true);
    expect(answer.response_type).toBe('in_channel');
    const json = JSON.stringify(answer);
    expect(json).toContain('참석 1 · 불참 0');
    // The replaced message keeps its buttons.
    expect(json).toContain(noId);
    expect(await rsvpRows(h)).toEqual([{ seriesId: 1, memberId: ids.minsu, answer: 'yes', original: OCCURRENCE }]);
  });

  it('pressing 불참 afterwards changes the answer (still one row)', async () => {
    const answer = await press(noId);
    expect(answer.replace_original).toBe(true);
    expect(JSON.stringify(answer)).toContain('참석 0 · 불참 1');
    expect(await rsvpRows(h)).toEqual([{ seriesId: 1, memberId: ids.minsu, answer: 'no', original: OCCURRENCE }]);
  });

  it('a day before: the 1d reminder goes out once and only the member without an answer is nudged by DM', async () => {
    h.clock.set('2026-11-25T05:00:00Z');
    expect(await h.app.scheduler.tick()).toEqual({ ran: 2, missed: 0, failed: 0 }); // 1d reminder + nudge
    expect(await h.drain('slack')).toBe(2);

    const posts = postsTo(CHANNEL);
    expect(posts).toHaveLength(2);
    const reminder = JSON.stringify(posts[1].body.blocks);
    expect(reminder).toContain('1일 전 알림');
    expect(reminder).toContain('참석 0 · 불참 1');

    const opened = fake.callsTo('conversations.open').map((c) => c.body.users);
    expect(opened).toEqual(['U333']);
    const dms = fake.callsTo('chat.postMessage').filter((c) => String(c.body.channel).startsWith('D'));
    expect(dms.map((c) => c.body.channel)).toEqual(['DU333']);
    expect(String(dms[0].body.text)).toContain('정례모임');
    expect(JSON.stringify(dms[0].body.blocks)).toContain('아직 응답하지 않으셨습니다');
    expect(JSON.stringify(dms[0].body.blocks)).toContain(yesId);

    // Running again sends nothing more.
    expect(await h.app.scheduler.tick()).toEqual({ ran: 0, missed: 0, failed: 0 });
    expect(await h.drain('slack')).toBe(0);
    expect(postsTo(CHANNEL)).toHaveLength(2);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(3);
  });

  it('after the meeting has started, a press answers privately that it is too late and changes nothing', async () => {
    h.clock.set('2026-11-26T05:30:00Z');
    const answer = await press(yesId);
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.replace_original).toBe(false);
    expect(answer.text).toContain('이미 시작해서');
    expect(await rsvpRows(h)).toEqual([{ seriesId: 1, memberId: ids.minsu, answer: 'no', original: OCCURRENCE }]);
    // The 1h reminder was never run (no tick before the start): it is now missed, not sent.
    expect(await h.app.scheduler.tick()).toEqual({ ran: 0, missed: 1, failed: 0 });
    expect(await h.drain('slack')).toBe(0);
    expect(postsTo(CHANNEL)).toHaveLength(2);
  });
});

// ---------------------------------------------------------------------------

interface Callback {
  type: number;
  data?: { content?: string; flags?: number; embeds?: APIEmbed[]; components?: { type: number; components: { custom_id?: string }[] }[] };
}

describe('meetup RSVP on Discord (real discord.js client, fake Discord)', () => {
  const CHANNEL = '3000000000000000088';
  const MINSU_DISCORD = '4000000000000000222';
  let fake: FakeDiscord;
  let h: Harness;
  let ids: { minsu: number; younghee: number };
  let posted: APIMessage;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    h = await createHarness({
      discord: { token: 'fake.bot.token.for.tests', applicationId: APP_ID, apiUrl: fake.apiBase },
      app: { tuning: { discord: { rest: { retries: 0, timeout: 2000 } } } },
    });
    await h.startAdapters();
  });
  afterAll(async () => {
    await h?.close();
    await fake?.stop();
  });

  /** Presses a button on the posted reminder as `userId`; resolves with the interaction callback. */
  async function press(customId: string, userId = MINSU_DISCORD): Promise<Callback> {
    const message = fake.messages.get(posted.id) ?? posted;
    const payload = buttonInteraction({
      customId,
      userId,
      channelId: CHANNEL,
      messageId: posted.id,
      messageContent: message.content,
      messageEmbeds: message.embeds,
      messageComponents: message.components as never,
    });
    fake.dispatch('INTERACTION_CREATE', payload);
    const call = await fake.waitForCall((c) => c.path === `/interactions/${payload.id}/${payload.token}/callback`);
    await (h.app.adapters.find((a) => a.platform === 'discord') as DiscordAdapter).idle();
    return call.body as Callback;
  }

  it('the reminder is posted to the bound channel with RSVP buttons', async () => {
    ids = await setUpDirectory(h);
    await h.db.chatIdentity.create({ data: { platform: 'discord', userId: MINSU_DISCORD, memberId: ids.minsu } });
    await h.db.channelBinding.create({ data: { platform: 'discord', channelId: CHANNEL, orgId: 2 } });
    await createMeetup(h);

    expect(await h.app.scheduler.tick()).toEqual({ ran: 1, missed: 0, failed: 0 });
    expect(await h.drain('discord')).toBe(1);
    const call = await fake.waitForCall((c) => c.method === 'POST' && c.path === `/channels/${CHANNEL}/messages`);
    const body = call.body as { content: string; embeds: APIEmbed[]; components: { components: { custom_id: string }[] }[] };
    expect(body.content).toContain('정례모임');
    expect(embedText(body.embeds)).toContain('참석 0 · 불참 0 · 미정 0');
    const customIds = body.components.flatMap((row) => row.components.map((c) => c.custom_id));
    expect(customIds).toEqual([yesId, noId, `${RSVP_PREFIX} maybe on=${OCCURRENCE}`]);

    const row = await h.db.outboxMessage.findFirstOrThrow({ where: { platform: 'discord', destId: CHANNEL } });
    expect(row.status).toBe('sent');
    posted = fake.messages.get(row.messageRef ?? '') as APIMessage;
    expect(posted?.channel_id).toBe(CHANNEL);
  });

  it('pressing 참석 updates the message in place (UPDATE_MESSAGE) and stores the answer', async () => {
    const cb = await press(yesId);
    expect(cb.type).toBe(7);
    expect(embedText(cb.data?.embeds)).toContain('참석 1 · 불참 0');
    expect(cb.data?.components?.flatMap((r) => r.components.map((c) => c.custom_id))).toContain(noId);
    expect(embedText(fake.messages.get(posted.id)?.embeds)).toContain('참석 1 · 불참 0');
    expect(await rsvpRows(h)).toEqual([{ seriesId: 1, memberId: ids.minsu, answer: 'yes', original: OCCURRENCE }]);
  });

  it('pressing 불참 afterwards changes the answer (still one row)', async () => {
    const cb = await press(noId);
    expect(cb.type).toBe(7);
    expect(embedText(cb.data?.embeds)).toContain('참석 0 · 불참 1');
    expect(await rsvpRows(h)).toEqual([{ seriesId: 1, memberId: ids.minsu, answer: 'no', original: OCCURRENCE }]);
  });

  it('after the meeting has started, a press answers privately that it is too late and changes nothing', async () => {
    h.clock.set('2026-11-26T05:30:00Z');
    const before = JSON.stringify(fake.messages.get(posted.id)?.embeds);
    const cb = await press(yesId);
    expect(cb.type).toBe(4);
    expect(cb.data?.flags).toBe(64);
    expect(embedText(cb.data?.embeds)).toContain('이미 시작해서');
    expect(JSON.stringify(fake.messages.get(posted.id)?.embeds)).toBe(before);
    expect(await rsvpRows(h)).toEqual([{ seriesId: 1, memberId: ids.minsu, answer: 'no', original: OCCURRENCE }]);
  });
});
