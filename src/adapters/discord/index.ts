// Discord, declared for the adapter list (src/adapters/index.ts). discord.js loads in create() only.
import { defineAdapter } from '../../core/adapter.ts';
import { cardToMessage } from './components.ts';
import { discordConfig, discordEnv } from './config.ts';
import type { DiscordAdapterOptions } from './discord-adapter.ts';

export type { DiscordConfig } from './config.ts';

export const discord = defineAdapter({
  platform: 'discord',
  kind: 'chat',
  env: discordEnv,
  configure: (vars, _shared, problems) => discordConfig(vars, problems),
  listens: () => false,
  create: async (config, deps) => {
    const { DiscordAdapter } = await import('./discord-adapter.ts');
    // One gateway per database: only the lock's holder receives interactions.
    return new DiscordAdapter(config, deps, {
      gatewayLock: (onLost) => deps.lock('discord-gateway', onLost),
      ...(deps.tuning as DiscordAdapterOptions | undefined),
    });
  },
  render: (card) => cardToMessage(card),
});
