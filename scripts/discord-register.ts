// npm run discord:register — puts every command of the registry into Discord:
// in the server DISCORD_GUILD_ID when set (visible at once; for development
// and single-server installs), else globally (Discord may take a while to
// show changes). Run it again after adding or changing a command.
import { pathToFileURL } from 'node:url';
import { registerCommands } from '../src/adapters/discord/commands.ts';
import { ConfigError, EXIT_CONFIG, loadConfig } from '../src/config.ts';
import { registryOf } from '../commands/index.ts';

/** Returns the exit code; `print` receives the summary line. */
export async function run(env: NodeJS.ProcessEnv = process.env, print: (line: string) => void = console.log): Promise<number> {
  const config = loadConfig(env);
  if (!config.discord) {
    throw new ConfigError('Discord is not configured (see .env.example):\n  DISCORD_TOKEN and DISCORD_APPLICATION_ID: both are needed to register commands');
  }
  const registry = registryOf();
  const { count, scope } = await registerCommands(config.discord, registry);
  const where = scope === 'guild' ? `server (guild) ${config.discord.guildId}` : 'all servers (global; may take a while to appear)';
  print(`Registered ${count} Discord commands for application ${config.discord.applicationId} in ${where}.`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof ConfigError) {
        process.stderr.write(`${error.message}\n`);
        process.exit(EXIT_CONFIG);
      }
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
