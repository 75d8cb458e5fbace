import { defineCommand, subcommand } from '../src/features/context.ts';
import { UserError } from '../src/core/errors.ts';
import { commandHelp, helpIndex } from '../src/core/help.ts';

export default defineCommand({
  name: 'help',
  features: ['help'],
  subcommands: {
    '': subcommand({
      roles: 'any',
      allowUnlinked: true,
      options: [{ name: 'command', type: 'string', positional: true }],
      handler: ({ options, registry, t, invocation }) => {
        const name = options.command;
        if (!name) return { card: helpIndex(t, registry, invocation.platform), ephemeral: true };
        const command = registry.get(name.replace(/^\//, '').toLowerCase(), invocation.platform);
        if (!command) throw new UserError('error.unknownCommand');
        return { card: commandHelp(t, command), ephemeral: true };
      },
    }),
  },
});
