import { defineCommand } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import { commandHelp, helpIndex } from '../src/core/help.ts';

export default defineCommand({
  name: 'help',
  subcommands: {
    '': {
      roles: 'any',
      allowUnlinked: true,
      options: [{ name: 'command', type: 'string', positional: true }],
      handler: ({ options, registry, t }) => {
        const name = options.command as string | undefined;
        if (!name) return { card: helpIndex(t, registry), ephemeral: true };
        const command = registry.get(name.replace(/^\//, '').toLowerCase());
        if (!command) throw new UserError('error.unknownCommand', { command: name });
        return { card: commandHelp(t, command), ephemeral: true };
      },
    },
  },
});
