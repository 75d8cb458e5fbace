// Slack's variables. Socket Mode with SLACK_APP_TOKEN (outbound WebSocket, no
// public URL); HTTP mode otherwise, on the one listener at /slack/events.
import { z } from 'zod';

export interface SlackConfig {
  botToken: string;
  /** HTTP mode verifies requests with it; Socket Mode does not need it. */
  signingSecret?: string;
  /** Set: Socket Mode. Unset: HTTP mode (/slack/events on PORT). */
  appToken?: string;
  apiUrl: string;
}

export const slackEnv = {
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'must be a bot token starting with xoxb-').optional(),
  SLACK_SIGNING_SECRET: z.string().min(8, "must be the app's signing secret (Basic Information page)").optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must be an app-level token starting with xapp- (Socket Mode)').optional(),
  SLACK_API_URL: z.url({ message: 'must be a URL — e.g. https://slack.com/api/' }).default('https://slack.com/api/'),
};

export function slackConfig(c: z.output<z.ZodObject<typeof slackEnv>>, problems: string[]): SlackConfig | undefined {
  if (!c.SLACK_BOT_TOKEN && !c.SLACK_SIGNING_SECRET && !c.SLACK_APP_TOKEN) return undefined;
  if (!c.SLACK_BOT_TOKEN) problems.push('  SLACK_BOT_TOKEN: missing — Slack needs the bot token (xoxb-...) as well');
  if (!c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
    problems.push('  SLACK_SIGNING_SECRET: missing — HTTP mode needs it (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  if (!c.SLACK_BOT_TOKEN) return undefined;
  return { botToken: c.SLACK_BOT_TOKEN, signingSecret: c.SLACK_SIGNING_SECRET, appToken: c.SLACK_APP_TOKEN, apiUrl: c.SLACK_API_URL };
}
