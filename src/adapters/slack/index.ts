// Slack, declared for the adapter list (src/adapters/index.ts). Bolt loads in create() only.
import { defineAdapter } from '../../core/adapter.ts';
import { cardToBlocks } from './blocks.ts';
import { slackConfig, slackEnv } from './config.ts';

export type { SlackConfig } from './config.ts';

export const slack = defineAdapter({
  platform: 'slack',
  kind: 'chat',
  env: slackEnv,
  configure: (vars, _shared, problems) => slackConfig(vars, problems),
  listens: (config) => !config.appToken,
  create: async (config, deps) => new (await import('./slack-adapter.ts')).SlackAdapter(config, deps),
  render: (card) => cardToBlocks(card),
});
