// An agenda item submitted through the form on Slack (a modal with every
// field) and on Discord (five inputs: the meeting number given with the
// command rides in the modal's id), through the real Bolt and discord.js.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatInputInteraction, modalSubmitInteraction, type FakeDiscord } from '../support/fake-discord.ts';
import { signSlackRequest, slashCommandBody, viewSubmissionBody, type FakeSlack } from '../support/fake-slack.ts';
import { slackEventsUrl, type Harness } from '../support/harness.ts';
import { startBothPlatforms, type BothPlatforms } from '../support/platforms.ts';

const SECRET = 'agenda-form-secret';
const SLACK_USER = 'UKIM';
const DISCORD_USER = '4000000000000000777';
let slack: FakeSlack;
let discord: FakeDiscord;
let h: Harness;

let both: BothPlatforms;
beforeAll(async () => {
  both = await startBothPlatforms(SECRET, { now: '2026-12-03T00:30:00Z' });
  ({ slack, discord, h } = both);
  await h.run(
    '/org add 행정복지센터 모라3동행정복지센터 dong=모라3동 sigungu=사상구',
    '/org add 사회복지관 행복종합사회복지관 dong=모라3동 sigungu=사상구',
    '/member add 김주무관 org=모라3동행정복지센터',
    '/member add 박복지사 org=행복종합사회복지관',
    '/meetup create title="모라3동 통합사례회의" org=모라3동행정복지센터 with=행복종합사회복지관 repeat="매월 둘째 목요일" start=2026-12-01 time=14:00',
  );
  await h.db.chatIdentity.create({ data: { platform: 'slack', userId: SLACK_USER, memberId: 2 } });
  await h.db.chatIdentity.create({ data: { platform: 'discord', userId: DISCORD_USER, memberId: 3 } });
});
afterAll(async () => {
  await both.stop();
});

describe('agenda items through forms', () => {
  it('Slack: /agenda add 1 opens the form with the meeting filled in; the submitted item is stored', async () => {
    const body = slashCommandBody({ command: '/agenda', text: 'add 1', user_id: SLACK_USER, trigger_id: 'trig-agenda', response_url: slack.responseUrl('trig-agenda'), channel_id: 'CCASE' });
    expect((await fetch(slackEventsUrl(h), { method: 'POST', headers: signSlackRequest(SECRET, body) as never, body })).status).toBe(200);
    const open = await slack.waitForCall('views.open');
    const view = open.body.view as { private_metadata: string; blocks: { block_id: string }[] };
    expect(view.blocks.map((b) => b.block_id)).toEqual(expect.arrayContaining(['meetup', 'case', 'stage', 'risk', 'needs', 'consent', 'summary', 'question']));
    const submit = viewSubmissionBody({
      callbackId: 'form',
      privateMetadata: view.private_metadata,
      userId: SLACK_USER,
      values: {
        meetup: { value: '1' },
        case: { value: '2026-모라3-014' },
        stage: { value: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: '사정' }, value: 'assessment' } } },
        risk: { value: '고' },
        needs: { value: '주거,경제' },
        consent: { value: 'yes' },
        question: { value: '긴급 주거비 연계 가능 여부' },
      },
    });
    expect((await fetch(slackEventsUrl(h), { method: 'POST', headers: signSlackRequest(SECRET, submit) as never, body: submit })).status).toBe(200);
    await slack.waitForCall('chat.postEphemeral');
    expect(await h.db.agendaItem.findFirst({ where: { caseCode: '2026-모라3-014' } })).toMatchObject({ orgId: 1, stage: 'assessment', risk: '고', needs: 'housing,economy' });
  });

  it('Discord: /agenda add meetup:1 shows five inputs and carries the meeting; the submitted item joins the same case', async () => {
    const command = chatInputInteraction({ userId: DISCORD_USER, username: 'park', name: 'agenda', options: [{ type: 1, name: 'add', options: [{ name: 'meetup', type: 4, value: 1 }] }] as never });
    discord.dispatch('INTERACTION_CREATE', command);
    const cb = (await discord.waitForCall((c) => c.path === `/interactions/${command.id}/${command.token}/callback`)).body as { type: number; data: { custom_id: string; components: { components: { custom_id: string }[] }[] } };
    expect(cb.type).toBe(9);
    expect(cb.data.custom_id).toMatch(/^form:agenda:add:[0-9a-z]+\.[\w-]{11}\?meetup=1$/);
    expect(cb.data.components.map((row) => row.components[0].custom_id)).toEqual(['case', 'stage', 'risk', 'needs', 'consent']);

    const submitted = modalSubmitInteraction({
      userId: DISCORD_USER,
      username: 'park',
      customId: cb.data.custom_id,
      fields: { case: '2026-모라3-014', stage: '개입', risk: '고', needs: '주거', consent: '예' },
    } as never);
    discord.dispatch('INTERACTION_CREATE', submitted);
    const answer = (await discord.waitForCall((c) => c.path === `/interactions/${submitted.id}/${submitted.token}/callback`)).body as { data?: { embeds?: { title?: string; description?: string }[] } };
    expect(JSON.stringify(answer)).toContain('공동 안건 #1');
    expect(await h.db.agendaAgency.count({ where: { itemId: 1, orgId: 2 } })).toBe(1);
  });
});
