// A bot with both chat adapters against fresh fakes of Slack and Discord on
// 127.0.0.1 (the real Bolt and discord.js), started and ready: what tests that
// need both platforms at once share.
import { APP_ID, startFakeDiscord, type FakeDiscord } from './fake-discord.ts';
import { startFakeSlack, type FakeSlack } from './fake-slack.ts';
import { createHarness, type Harness, type HarnessOptions } from './harness.ts';

export interface BothPlatforms {
  slack: FakeSlack;
  discord: FakeDiscord;
  h: Harness;
  stop: () => Promise<void>;
}

export async function startBothPlatforms(signingSecret: string, options: Omit<HarnessOptions, 'slack' | 'discord'> = {}): Promise<BothPlatforms> {
  const slack = await startFakeSlack();
  const discord = await startFakeDiscord();
  const h = await createHarness({
    ...options,
    slack: { botToken: 'xoxb-test', signingSecret, apiUrl: slack.apiUrl },
    discord: { token: 'fake.bot.token.for.tests', applicationId: APP_ID, apiUrl: discord.apiBase },
    app: { tuning: { discord: { rest: { retries: 0, timeout: 2000 } } }, ...options.app },
  });
  await h.startAdapters();
  return {
    slack,
    discord,
    h,
    stop: async () => {
      await h.close();
      await slack.stop();
      await discord.stop();
    },
  };
}
