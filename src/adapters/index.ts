// The platforms, one line each. app.ts builds, starts and stops what is
// configured; config.ts reads their variables; src/http.ts mounts their paths.
import { consoleAdapter } from './console/index.ts';
import { discord } from './discord/index.ts';
import type { DiscordAdapterOptions } from './discord/discord-adapter.ts';
import type { EmailTransportOptions } from './email/email-transport.ts';
import { email } from './email/index.ts';
import { slack } from './slack/index.ts';

export const ADAPTERS = [consoleAdapter, slack, discord, email] as const;

/** Per-platform tuning a test or benchmark may pass (createApp's `tuning`); each adapter reads its own. */
export interface AdapterTuning {
  discord?: DiscordAdapterOptions;
  email?: EmailTransportOptions;
}
