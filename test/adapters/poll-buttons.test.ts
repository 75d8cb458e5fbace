// Council polls end to end through the real adapters: a poll opened from a
// chat command, members voting with the buttons of the shared poll message
// (each answer private, the message itself never replaced), and on Slack the
// result posted by the scheduler at the deadline, once, to the channel the
// poll was opened in and to the chair by DM.
//
// Timeline (KST = UTC+9; the harness clock starts at 2026-11-25T01:00Z = 10:00 KST):
//   poll #1 (decision, named)  deadline 2026-12-01 18:00 KST = 2026-12-01T09:00Z
//   poll #2 (single, secret)   deadline 2026-12-03 18:00 KST = 2026-12-03T09:00Z
import { ballotKey } from '../../src/features/polls/ballot-key.ts';
import { openChoice } from '../../src/features/polls/sealed-ballot.ts';
import type { APIApplicationCommandInteractionDataOption, APIEmbed, APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordAdapter } from '../../src/adapters/discord/discord-adapter.ts';
import { actionId } from '../../src/core/actions.ts';
import {
  embedText,
  APP_ID,
  buttonInteraction,
  chatInputInteraction,
  modalSubmitInteraction,
  startFakeDiscord,
  type FakeDiscord,
} from '../support/fake-discord.ts';
import { blockActionBody, signSlackRequest, slashCommandBody, startFakeSlack, type FakeSlack, type SlackCall } from '../support/fake-slack.ts';
import { createHarness, slackEventsUrl, type Harness } from '../support/harness.ts';

const COUNCIL = '모라3동지역사회보장협의체';
const CHAIR = '이동장';
const COORDINATOR = '조코디';
const VOTERS = ['김위원', '이위원', '박위원', '최위원'] as const;
type Person = typeof CHAIR | typeof COORDINATOR | (typeof VOTERS)[number];

const SETUP = [
  `/org add 보장협의체 ${COUNCIL} dong=모라3동`,
  '/org add 행정복지센터 모라3동행정복지센터 dong=모라3동',
  `/member add ${CHAIR} org=모라3동행정복지센터 role=head`,
  `/member add ${COORDINATOR} org=모라3동행정복지센터 role=coordinator`,
  ...VOTERS.map((name) => `/member add ${name}`),
  `/council seat ${CHAIR} council=${COUNCIL} seat=chair-public from=2026-01-01`,
  ...VOTERS.map((name) => `/council seat ${name} council=${COUNCIL} seat=member from=2026-01-01`),
];

const DECISION_QUESTION = '2027년 특화사업: 어르신 팔순잔치';
const SECRET_QUESTION = '민간위원장 후보 추천';

/** The button of option `n` (1-based) of poll `id`: a plain (not message-replacing) press of `/poll vote id n`. */
const voteId = (id: number, n?: number) => actionId({ command: n === undefined ? `/poll vote ${id}` : `/poll vote ${id} ${n}` });

/** Console setup shared by both platforms (council of five: the chair and four members); links everyone to `platform`. */
async function setUpCouncil(h: Harness, platform: 'slack' | 'discord', chatIds: Record<Person, string>) {
  const replies = await h.run(...SETUP);
  // Every setup line succeeded (the console marks success with ✔).
  for (const reply of replies) expect(reply.startsWith('✔')).toBe(true);
  const members = await h.db.member.findMany({ where: { name: { in: Object.keys(chatIds) } } });
  expect(members).toHaveLength(Object.keys(chatIds).length);
  const ids = Object.fromEntries(members.map((m) => [m.name, m.id])) as Record<Person, number>;
  await h.db.chatIdentity.createMany({
    data: (Object.keys(chatIds) as Person[]).map((name) => ({ platform, userId: chatIds[name], memberId: ids[name] })),
  });
  return ids;
}

const ballots = (h: Harness, pollId: number) =>
  h.db.pollBallot.findMany({ where: { pollId }, select: { memberId: true, choice: true }, orderBy: { memberId: 'asc' } });

// ---------------------------------------------------------------------------

type SlackAnswer = { response_type?: string; replace_original?: boolean; text: string; blocks: SlackBlock[] };
type SlackBlock = { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: { action_id?: string; text?: { text: string } }[] };

const buttonsOf = (blocks: SlackBlock[]) =>
  blocks.filter((b) => b.type === 'actions').flatMap((b) => (b.elements ?? []).map((e) => ({ id: e.action_id, label: e.text?.text })));
const fieldsOf = (blocks: SlackBlock[]) => blocks.flatMap((b) => (b.fields ?? []).map((f) => f.text));

describe('poll buttons on Slack (real Bolt over HTTP, fake Slack)', () => {
  const SECRET = 'poll-buttons-secret';
  const CHANNEL = 'CPOLL';
  const SLACK: Record<Person, string> = {
    이동장: 'UCHAIR',
    조코디: 'UCOORD',
    김위원: 'UKIM',
    이위원: 'ULEE',
    박위원: 'UPARK',
    최위원: 'UCHOI',
  };
  let fake: FakeSlack;
  let h: Harness;
  let eventsUrl: string;
  let ids: Record<Person, number>;
  let requests = 0;

  beforeAll(async () => {
    fake = await startFakeSlack();
    h = await createHarness({
      slack: { botToken: 'xoxb-test', signingSecret: SECRET, apiUrl: fake.apiUrl },
    });
    await h.startAdapters();
    eventsUrl = slackEventsUrl(h);
  });
  afterAll(async () => {
    await h?.close();
    await fake?.stop();
  });

  /** Posts a signed request to Bolt; resolves with the bot's answer on the request's response_url. */
  async function signed(makeBody: (responseUrl: string, triggerId: string) => string): Promise<SlackAnswer> {
    const id = `poll-${++requests}`;
    // A fresh trigger_id per request: Bolt's dedup middleware would drop a repeated one as a Slack retry.
    const body = makeBody(fake.responseUrl(id), `trig-poll-${requests}`);
    const res = await fetch(eventsUrl, { method: 'POST', headers: signSlackRequest(SECRET, body) as never, body });
    expect(res.status).toBe(200);
    return (await fake.waitForResponse((r) => r.id === id)).body as SlackAnswer;
  }

  const slash = (text: string, who: Person) =>
    signed((responseUrl, triggerId) =>
      slashCommandBody({ command: '/poll', text, user_id: SLACK[who], user_name: who, channel_id: CHANNEL, response_url: responseUrl, trigger_id: triggerId }),
    );

  /** `who` presses a button on the poll message in CPOLL. */
  const press = (action: string, who: Person) =>
    signed((responseUrl, triggerId) =>
      blockActionBody({ actionId: action, userId: SLACK[who], userName: who, channelId: CHANNEL, responseUrl, triggerId }),
    );

  const postsTo = (channel: string): SlackCall[] => fake.callsTo('chat.postMessage').filter((c) => c.body.channel === channel);

  it('a coordinator opens a named decision poll with a signed /poll create; the answer is public with three vote buttons', async () => {
    ids = await setUpCouncil(h, 'slack', SLACK);
    const answer = await slash(
      `create question="${DECISION_QUESTION}" voters=council:${COUNCIL} kind=decision anonymous=no deadline="2026-12-01 18:00"`,
      COORDINATOR,
    );
    expect(answer.response_type).toBe('in_channel');
    expect(answer.text).toContain(`투표 #1: ${DECISION_QUESTION}`);
    expect(fieldsOf(answer.blocks).join('\n')).toContain('0/5명 참여 (0%)');
    expect(buttonsOf(answer.blocks)).toEqual([
      { id: voteId(1, 1), label: '찬성' },
      { id: voteId(1, 2), label: '반대' },
      { id: voteId(1, 3), label: '기권' },
    ]);

    const poll = await h.db.poll.findUniqueOrThrow({ where: { id: 1 } });
    expect(poll).toMatchObject({ platform: 'slack', channelId: CHANNEL, createdById: ids[COORDINATOR], anonymous: false, status: 'open' });
    expect(poll.deadline.toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(await h.db.pollEligible.count({ where: { pollId: 1 } })).toBe(5);
    // Nothing went through the outbox: the poll message is the answer to the command.
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('members vote with the buttons: each answer is private and the shared poll message is not replaced', async () => {
    const votes: [Person, number, string][] = [
      ['김위원', 1, '찬성'],
      ['이위원', 1, '찬성'],
      ['박위원', 1, '찬성'],
      ['최위원', 3, '기권'],
      [CHAIR, 2, '반대'],
    ];
    for (const [who, option, label] of votes) {
      const answer = await press(voteId(1, option), who);
      expect(answer.response_type).toBe('ephemeral');
      expect(answer.replace_original).toBe(false);
      expect(answer.text).toContain(`투표 #1에 투표했습니다 (${label})`);
    }
    expect(await h.db.pollParticipation.count({ where: { pollId: 1 } })).toBe(5);
    expect(await ballots(h, 1)).toEqual(
      [
        { memberId: ids[CHAIR], choice: '[1]' },
        { memberId: ids.김위원, choice: '[0]' },
        { memberId: ids.이위원, choice: '[0]' },
        { memberId: ids.박위원, choice: '[0]' },
        { memberId: ids.최위원, choice: '[2]' },
      ].sort((a, b) => a.memberId - b.memberId),
    );
    // The message everyone sees was neither replaced nor edited, and nothing was posted.
    expect(fake.responses.every((r) => (r.body as SlackAnswer).replace_original !== true)).toBe(true);
    expect(fake.callsTo('chat.update')).toHaveLength(0);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('a second press by the same member in a named poll changes the vote (still one ballot)', async () => {
    const answer = await press(voteId(1, 2), '박위원');
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.replace_original).toBe(false);
    expect(answer.text).toContain('투표 #1의 표를 바꿨습니다 (반대)');
    expect(await h.db.pollParticipation.count({ where: { pollId: 1 } })).toBe(5);
    expect(await h.db.pollBallot.count({ where: { pollId: 1 } })).toBe(5);
    expect(await h.db.pollBallot.findFirstOrThrow({ where: { pollId: 1, memberId: ids.박위원 } })).toMatchObject({ choice: '[1]' });
  });

  it('someone who is not entitled to vote is told so privately', async () => {
    const answer = await press(voteId(1, 1), COORDINATOR);
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.replace_original).toBe(false);
    expect(answer.text).toContain('투표권자가 아닙니다');
    expect(await h.db.pollParticipation.count({ where: { pollId: 1 } })).toBe(5);
  });

  it('in an anonymous poll the answer names no choice and a second press is refused (비밀투표)', async () => {
    const opened = await slash(
      `create question="${SECRET_QUESTION}" options="김위원,이위원" voters=council:${COUNCIL} kind=single anonymous=yes deadline="2026-12-03 18:00"`,
      COORDINATOR,
    );
    expect(opened.response_type).toBe('in_channel');
    expect(buttonsOf(opened.blocks)).toEqual([
      { id: voteId(2, 1), label: '김위원' },
      { id: voteId(2, 2), label: '이위원' },
    ]);

    const first = await press(voteId(2, 1), '김위원');
    expect(first.response_type).toBe('ephemeral');
    expect(first.replace_original).toBe(false);
    expect(first.text).toContain('투표 #2에 투표했습니다.');
    expect(first.text).not.toContain('(김위원)');

    const second = await press(voteId(2, 2), '김위원');
    expect(second.response_type).toBe('ephemeral');
    expect(second.replace_original).toBe(false);
    expect(second.text).toContain('비밀투표');
    expect(second.text).toContain('바꿀 수 없고');
    // One ballot, sealed, with no voter on it; opened with the ballot key it is the first choice.
    const sealed = await ballots(h, 2);
    expect(sealed).toHaveLength(1);
    expect(sealed[0].memberId).toBeNull();
    expect(sealed[0].choice).not.toContain('[0]');
    expect(openChoice(await ballotKey(h.app.context()), 2, sealed[0].choice)).toBe('[0]');
    expect(await h.db.pollParticipation.count({ where: { pollId: 2 } })).toBe(1);
  });

  it('at the deadline the result is posted once to CPOLL and DMed to the chair; running again sends nothing', async () => {
    h.clock.set('2026-12-01T09:00:00Z'); // 18:00 KST
    await h.app.scheduler.tick();
    expect(await h.drain('slack')).toBe(2);

    const posts = postsTo(CHANNEL);
    expect(posts).toHaveLength(1);
    const blocks = posts[0].body.blocks as SlackBlock[];
    expect(String(posts[0].body.text)).toContain(`투표 #1 결과: ${DECISION_QUESTION}`);
    const fields = fieldsOf(blocks).join('\n');
    // 찬성 2 (김, 이) · 반대 2 (박 after the change, the chair) · 기권 1 (최): a tie fails.
    expect(fields).toContain('재적 5 · 참여 5 · 찬성 2 · 반대 2 · 기권 1');
    expect(fields).toContain('가부동수로 부결');
    expect(buttonsOf(blocks)).toEqual([]);

    expect(fake.callsTo('conversations.open').map((c) => c.body.users)).toEqual([SLACK[CHAIR]]);
    const dms = fake.callsTo('chat.postMessage').filter((c) => c.body.channel === `D${SLACK[CHAIR]}`);
    expect(dms).toHaveLength(1);
    expect(String(dms[0].body.text)).toContain(`투표 #1 결과: ${DECISION_QUESTION}`);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
    expect(await h.db.poll.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ status: 'closed' });

    // Ticking and draining again sends nothing more.
    await h.app.scheduler.tick();
    expect(await h.drain('slack')).toBe(0);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
    expect(fake.callsTo('conversations.open')).toHaveLength(1);

    // A press after the close is refused privately.
    const late = await press(voteId(1, 1), '최위원');
    expect(late.response_type).toBe('ephemeral');
    expect(late.text).toContain('마감되었습니다');
  });
  it('the 투표하기 button of a multi poll opens the ballot form with the poll number filled in', async () => {
    const opened = await slash(
      `create question="교육 주제" options="자살예방,고독사,치매" voters=council:${COUNCIL} kind=multi:2 anonymous=no deadline="2026-12-10 18:00"`,
      COORDINATOR,
    );
    expect(buttonsOf(opened.blocks)).toEqual([{ id: voteId(3), label: '투표하기' }]);
    // No answer on response_url: a form opens instead.
    const body = blockActionBody({ actionId: voteId(3), userId: SLACK.김위원, userName: '김위원', channelId: CHANNEL, responseUrl: fake.responseUrl('form'), triggerId: 'trig-form' });
    expect((await fetch(eventsUrl, { method: 'POST', headers: signSlackRequest(SECRET, body) as never, body })).status).toBe(200);
    const open = await fake.waitForCall('views.open');
    const view = open.body.view as { blocks: { block_id: string; element: { initial_value?: string } }[] };
    expect(view.blocks.map((b) => b.block_id)).toEqual(['id', 'choice']);
    expect(view.blocks[0].element.initial_value).toBe('3');
    expect(await h.db.pollParticipation.count({ where: { pollId: 3 } })).toBe(0);
  });

  it('the secret poll closes at its deadline: the result goes once to CPOLL and to the chair, no stale reminders', async () => {
    const before = fake.callsTo('chat.postMessage').length;
    h.clock.set('2026-12-03T09:00:00Z'); // poll #2's deadline, 18:00 KST
    // Both reminders were due earlier and are too late now: missed, not sent; the close runs.
    expect(await h.app.scheduler.tick()).toEqual({ ran: 1, missed: 2, failed: 0 });
    await h.drain('slack');
    const sent = fake.callsTo('chat.postMessage').slice(before);

    const results = sent.filter((c) => String(c.body.text).includes(`투표 #2 결과: ${SECRET_QUESTION}`));
    expect(results.map((c) => c.body.channel)).toEqual([CHANNEL, `D${SLACK[CHAIR]}`]);
    expect(String(results[0].body.text)).toContain('김위원: 1\n이위원: 0');
    expect(fieldsOf(results[0].body.blocks as SlackBlock[]).join('\n')).toContain('1/5명 참여 (20%)');

    expect(sent.filter((c) => String(c.body.text).includes('아직 투표하지 않으셨습니다'))).toEqual([]);
    const late = await press(voteId(2, 2), '이위원');
    expect(late.text).toContain('마감되었습니다');

    // Nothing more on a second run.
    expect(await h.app.scheduler.tick()).toEqual({ ran: 0, missed: 0, failed: 0 });
    expect(await h.drain('slack')).toBe(0);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(before + sent.length);
  });
});

// ---------------------------------------------------------------------------

interface Callback {
  type: number;
  data?: {
    content?: string;
    flags?: number;
    embeds?: APIEmbed[];
    custom_id?: string;
    title?: string;
    components?: { type: number; components: { type?: number; custom_id?: string; label?: string; required?: boolean }[] }[];
  };
}

const customIds = (components: Callback['data'] | APIMessage | undefined) =>
  ((components?.components ?? []) as { components: { custom_id?: string }[] }[]).flatMap((row) => row.components.map((c) => c.custom_id));

const sub = (name: string, options: APIApplicationCommandInteractionDataOption[]) =>
  [{ type: 1, name, options }] as APIApplicationCommandInteractionDataOption[];
const str = (name: string, value: string) => ({ name, type: 3, value }) as APIApplicationCommandInteractionDataOption;
const bool = (name: string, value: boolean) => ({ name, type: 5, value }) as APIApplicationCommandInteractionDataOption;

describe('poll buttons on Discord (real discord.js client, fake Discord)', () => {
  const CHANNEL = '3000000000000000077';
  const DISCORD: Record<Person, string> = {
    이동장: '4000000000000000300',
    조코디: '4000000000000000301',
    김위원: '4000000000000000302',
    이위원: '4000000000000000303',
    박위원: '4000000000000000304',
    최위원: '4000000000000000305',
  };
  let fake: FakeDiscord;
  let h: Harness;
  let adapter: DiscordAdapter;
  let ids: Record<Person, number>;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    h = await createHarness({
      discord: { token: 'fake.bot.token.for.tests', applicationId: APP_ID, apiUrl: fake.apiBase },
      app: { tuning: { discord: { rest: { retries: 0, timeout: 2000 } } } },
    });
    await h.startAdapters();
    adapter = h.app.adapters.find((a) => a.platform === 'discord') as DiscordAdapter;
  });
  afterAll(async () => {
    await h?.close();
    await fake?.stop();
  });

  /** Dispatches an interaction; resolves with its callback once the adapter is done with it. */
  async function interact(payload: { id: string; token: string }): Promise<Callback> {
    fake.dispatch('INTERACTION_CREATE', payload);
    const call = await fake.waitForCall((c) => c.path === `/interactions/${payload.id}/${payload.token}/callback`);
    await adapter.idle();
    return call.body as Callback;
  }

  /** `/poll create` typed by the coordinator in CHANNEL; resolves with the callback and the message the fake stored for it. */
  async function create(options: APIApplicationCommandInteractionDataOption[]) {
    const payload = chatInputInteraction({ name: 'poll', options: sub('create', options), userId: DISCORD[COORDINATOR], channelId: CHANNEL });
    const cb = await interact(payload);
    const title = cb.data?.embeds?.[0]?.title;
    const message = [...fake.messages.values()].find((m) => m.embeds[0]?.title === title && m.channel_id === CHANNEL);
    expect(message).toBeDefined();
    return { cb, message: message as APIMessage };
  }

  /** `who` presses a button on `message`. */
  function press(message: APIMessage, customId: string, who: Person) {
    const current = fake.messages.get(message.id) ?? message;
    return interact(
      buttonInteraction({
        customId,
        userId: DISCORD[who],
        channelId: CHANNEL,
        messageId: message.id,
        messageContent: current.content,
        messageEmbeds: current.embeds,
        messageComponents: current.components as never,
      }),
    );
  }

  let single: APIMessage;

  it('a coordinator opens a poll with /poll create; the reply embed carries the vote buttons', async () => {
    ids = await setUpCouncil(h, 'discord', DISCORD);
    const { cb, message } = await create([
      str('question', '12월 정기회의 날짜'),
      str('voters', `council:${COUNCIL}`),
      str('kind', 'single'),
      str('options', '12월 8일,12월 15일'),
      bool('anonymous', false),
      str('deadline', '2026-12-01 18:00'),
    ]);
    expect(cb.type).toBe(4);
    expect(cb.data?.flags ?? 0).toBe(0);
    expect(embedText(cb.data?.embeds)).toContain('투표 #1: 12월 정기회의 날짜');
    expect(embedText(cb.data?.embeds)).toContain('0/5명 참여 (0%)');
    expect(customIds(cb.data)).toEqual([voteId(1, 1), voteId(1, 2)]);
    expect(cb.data?.components?.[0].components.map((c) => c.label)).toEqual(['12월 8일', '12월 15일']);
    expect(customIds(message)).toEqual([voteId(1, 1), voteId(1, 2)]);
    expect(await h.db.poll.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ platform: 'discord', channelId: CHANNEL, createdById: ids[COORDINATOR] });
    single = message;
  });

  it('a member presses a vote button: a private reply, the vote is stored, the poll message is untouched', async () => {
    const shown = (m: APIMessage | undefined) => JSON.stringify([m?.content, m?.embeds, m?.components, m?.edited_timestamp]);
    const before = shown(fake.messages.get(single.id));
    const cb = await press(single, voteId(1, 2), '김위원');
    expect(cb.type).toBe(4);
    expect(cb.data?.flags).toBe(64);
    expect(embedText(cb.data?.embeds)).toContain('투표 #1에 투표했습니다 (12월 15일)');
    expect(await h.db.pollParticipation.count({ where: { pollId: 1 } })).toBe(1);
    expect(await ballots(h, 1)).toEqual([{ memberId: ids.김위원, choice: '[1]' }]);
    // Not an UPDATE_MESSAGE (type 7), no edit: the poll message everyone sees stays as it was.
    expect(shown(fake.messages.get(single.id))).toBe(before);
    expect(fake.calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);

    const again = await press(single, voteId(1, 1), '김위원');
    expect(again.data?.flags).toBe(64);
    expect(embedText(again.data?.embeds)).toContain('투표 #1의 표를 바꿨습니다 (12월 8일)');
    expect(await ballots(h, 1)).toEqual([{ memberId: ids.김위원, choice: '[0]' }]);
  });

  it('a ranked poll has one 투표하기 button; it opens a modal whose submission records the ranking', async () => {
    const { cb, message } = await create([
      str('question', '2027년 사업 순위'),
      str('voters', `council:${COUNCIL}`),
      str('kind', 'ranked'),
      str('options', '어르신 팔순잔치,김장 나눔,고독사 예방'),
      bool('anonymous', false),
      str('deadline', '2026-12-01 18:00'),
    ]);
    expect(cb.type).toBe(4);
    expect(customIds(cb.data)).toEqual([voteId(2)]);
    expect(cb.data?.components?.[0].components[0].label).toBe('투표하기');

    const modal = await press(message, voteId(2), '이위원');
    expect(modal.type).toBe(9);
    expect(modal.data?.custom_id).toMatch(/^form:poll:vote:[0-9a-z]+\.[\w-]{11}$/);
    const inputs = (modal.data?.components ?? []).map((row) => row.components[0] as { custom_id?: string; required?: boolean; value?: string });
    expect(inputs.map((i) => i.custom_id)).toEqual(['id', 'choice']);
    expect(await h.db.pollParticipation.count({ where: { pollId: 2 } })).toBe(0);

    const submit = (fields: Record<string, string>) =>
      interact(modalSubmitInteraction({ customId: modal.data?.custom_id ?? '', fields, userId: DISCORD.이위원, channelId: CHANNEL }));

    // The poll number the button carried is filled in; the member adds the ranking.
    expect(inputs[0].value).toBe('2');
    const submitted = await submit({ id: '2', choice: '2,1' });
    expect(submitted.type).toBe(4);
    expect(submitted.data?.flags).toBe(64);
    expect(embedText(submitted.data?.embeds)).toContain('투표 #2에 투표했습니다 (김장 나눔, 어르신 팔순잔치)');
    expect(await h.db.pollParticipation.count({ where: { pollId: 2 } })).toBe(1);
    expect(await ballots(h, 2)).toEqual([{ memberId: ids.이위원, choice: '[1,0]' }]);
    // The ranked poll's message was not touched either.
    expect(customIds(fake.messages.get(message.id))).toEqual([voteId(2)]);
  });
});
