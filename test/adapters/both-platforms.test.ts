// Slack and Discord in one process: a partnership bound to a Slack channel and
// a Discord channel hears one announcement on both; a member linked on both
// platforms gets the DM on their preferred one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeDiscord } from '../support/fake-discord.ts';
import { signSlackRequest, slashCommandBody, type FakeSlack } from '../support/fake-slack.ts';
import { slackEventsUrl, type Harness } from '../support/harness.ts';
import { startBothPlatforms, type BothPlatforms } from '../support/platforms.ts';

let both: BothPlatforms;
let slack: FakeSlack;
let discord: FakeDiscord;
let h: Harness;

beforeAll(async () => {
  both = await startBothPlatforms('both-secret', { admins: ['slack:U111'] });
  ({ slack, discord, h } = both);
});
afterAll(() => both.stop());

describe('both adapters at once', () => {
  it('a partnership bound to one Slack and one Discord channel reaches both', async () => {
    await h.run(
      '/org add 사회복지관 행복종합사회복지관',
      '/org add 행정복지센터 모라3동행정복지센터',
      '/org link 행복종합사회복지관 모라3동행정복지센터 kind=hub',
    );
    // Bind from Slack through the real Bolt app…

    const body = slashCommandBody({ command: '/channel', text: 'bind partnership=1', user_id: 'U111', channel_id: 'CHUB', response_url: slack.responseUrl('bind') });
    await fetch(slackEventsUrl(h), { method: 'POST', headers: signSlackRequest('both-secret', body) as never, body });
    await slack.waitForResponse((r) => r.id === 'bind');
    // …and the Discord side as its admin would (the binding row is the same either way).
    await h.db.channelBinding.create({ data: { platform: 'discord', channelId: '3000000000000000077', partnershipId: 1 } });

    const queued = await h.app.outbox.deliver({ kind: 'partnership', id: 1 }, { title: '거점 정례모임', lines: ['12월 8일 14:00'] }, 'hub-meeting-1');
    expect(queued).toBe(2);
    expect(await h.drain('slack')).toBe(1);
    expect(await h.drain('discord')).toBe(1);
    const slackPost = await slack.waitForCall('chat.postMessage');
    expect(slackPost.body.channel).toBe('CHUB');
    const discordPost = await discord.waitForCall((c) => c.method === 'POST' && c.path === '/channels/3000000000000000077/messages');
    expect(JSON.stringify(discordPost.body)).toContain('거점 정례모임');
  });

  it('a member linked on both platforms is DMed on each, or only on the preferred one', async () => {
    const member = await h.db.member.create({ data: { name: '박영희', roles: { create: [{ role: 'staff' }] } } });
    await h.db.chatIdentity.createMany({
      data: [
        { platform: 'slack', userId: 'U222', memberId: member.id },
        { platform: 'discord', userId: '4000000000000000222', memberId: member.id },
      ],
    });
    expect(await h.app.outbox.deliver({ kind: 'member', id: member.id }, { lines: ['안내'] }, 'dm-both')).toBe(2);
    expect(await h.say('@박영희 /member me dm=디스코드')).toContain('개인 알림(DM)은 이제 디스코드(으)로 보냅니다');
    const destinations = await h.app.outbox.destinations({ kind: 'member', id: member.id });
    expect(destinations).toEqual([{ platform: 'discord', kind: 'user', id: '4000000000000000222', locale: 'ko' }]);
  });
});
