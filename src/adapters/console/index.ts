// The console, declared for the adapter list: no variables; it runs in the
// terminal main.ts gives it (deps.io) when no chat adapter is configured.
import { defineAdapter } from '../../core/adapter.ts';
import { renderCard } from './render.ts';

export const consoleAdapter = defineAdapter({
  platform: 'console',
  kind: 'fallback',
  env: {},
  configure: () => undefined,
  listens: () => false,
  create: async (_config: undefined, deps) => {
    if (!deps.io) throw new Error('the console adapter needs a terminal (deps.io)');
    const { ConsoleAdapter } = await import('./console-adapter.ts');
    return new ConsoleAdapter(deps.bot, deps.io);
  },
  render: (card) => renderCard(card).text,
});
