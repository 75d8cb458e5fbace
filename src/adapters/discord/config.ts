// Discord's variables: the bot token and application id (both, or neither).
import { z } from 'zod';

export interface DiscordConfig {
  token: string;
  applicationId: string;
  guildId?: string;
  apiUrl: string;
}

export const discordEnv = {
  DISCORD_TOKEN: z.string().min(20, 'must be the bot token (Developer Portal → Bot → Reset Token)').optional(),
  DISCORD_APPLICATION_ID: z
    .string()
    .regex(/^\d{15,22}$/, 'must be the numeric application id — e.g. 1234567890123456789')
    .optional(),
  DISCORD_GUILD_ID: z
    .string()
    .regex(/^\d{15,22}$/, 'must be a numeric server (guild) id — e.g. 1234567890123456789')
    .optional(),
  DISCORD_API_URL: z.url({ message: 'must be a URL — e.g. https://discord.com/api' }).default('https://discord.com/api'),
};

export function discordConfig(c: z.output<z.ZodObject<typeof discordEnv>>, problems: string[]): DiscordConfig | undefined {
  if (!c.DISCORD_TOKEN && !c.DISCORD_APPLICATION_ID) return undefined;
  if (!c.DISCORD_TOKEN) problems.push('  DISCORD_TOKEN: missing — Discord needs the bot token as well');
  if (!c.DISCORD_APPLICATION_ID) problems.push('  DISCORD_APPLICATION_ID: missing — Discord needs the application id as well');
  if (!c.DISCORD_TOKEN || !c.DISCORD_APPLICATION_ID) return undefined;
  return { token: c.DISCORD_TOKEN, applicationId: c.DISCORD_APPLICATION_ID, guildId: c.DISCORD_GUILD_ID, apiUrl: c.DISCORD_API_URL };
}
