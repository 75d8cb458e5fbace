// A transfer's introduction through the real Bolt and discord.js: the hub
// welfare centre's channel is on Slack, the council's on Discord; each gets
// the announcement once, also when the job runs again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeDiscord } from '../support/fake-discord.ts';
import type { FakeSlack } from '../support/fake-slack.ts';
import type { Harness } from '../support/harness.ts';
import { startBothPlatforms, type BothPlatforms } from '../support/platforms.ts';

let slack: FakeSlack;
let discord: FakeDiscord;
let h: Harness;
const COUNCIL_CHANNEL = '3000000000000000099';

let both: BothPlatforms;
beforeAll(async () => {
  both = await startBothPlatforms('transfer-secret');
  ({ slack, discord, h } = both);
});
afterAll(async () => {
  await both.stop();
});

describe('transfer announcements on Slack and Discord', () => {
  it('the hub centre (Slack) and the council (Discord) hear the introduction once', async () => {
    await h.run(
      '/org add 행정복지센터 모라3동행정복지센터',
      '/org add 행정복지센터 덕포1동행정복지센터',
      '/org add 사회복지관 행복종합사회복지관',
      '/org add 보장협의체 모라3동지역사회보장협의체',
      '/org link 행복종합사회복지관 모라3동행정복지센터 kind=거점',
      '/org link 모라3동지역사회보장협의체 모라3동행정복지센터 kind=동협의체',
      '/member add 김주무관 org=모라3동행정복지센터 position=주무관',
      '/member add 이주무관 org=덕포1동행정복지센터 position=주무관 phone=051-310-2222',
    );
    await h.db.channelBinding.create({ data: { platform: 'slack', channelId: 'CHUB', orgId: 3 } });
    await h.db.channelBinding.create({ data: { platform: 'discord', channelId: COUNCIL_CHANNEL, orgId: 4 } });

    expect(await h.say('/transfer create 김주무관 to=덕포1동행정복지센터 effective=2027-01-01 successor=이주무관')).toContain('미리 보기');
    expect(await h.say('/transfer confirm 1')).toContain('확정했습니다');
    // Nothing went out before the confirmation; now the announcement job runs.
    expect((await h.app.scheduler.tick()).ran).toBeGreaterThanOrEqual(1);
    expect(await h.drain('slack')).toBe(1);
    expect(await h.drain('discord')).toBe(1);
    const slackPost = await slack.waitForCall('chat.postMessage');
    expect(slackPost.body.channel).toBe('CHUB');
    expect(JSON.stringify(slackPost.body)).toContain('후임: 이주무관 주무관 · 051-310-2222');
    const discordPost = await discord.waitForCall((c) => c.method === 'POST' && c.path === `/channels/${COUNCIL_CHANNEL}/messages`);
    expect(JSON.stringify(discordPost.body)).toContain('인사이동 안내');

    // The announcement job run again (a crash between sending and finishing) sends nothing new.
    const job = await h.db.job.findFirstOrThrow({ where: { kind: 'transfer.announce' } });
    await h.db.job.update({ where: { id: job.id }, data: { status: 'pending' } });
    await h.db.transfer.update({ where: { id: 1 }, data: { announcedAt: null } });
    await h.app.scheduler.tick();
    expect(await h.drain('slack')).toBe(0);
    expect(await h.drain('discord')).toBe(0);
  });
});
