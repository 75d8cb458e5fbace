// Composition root: config -> logger -> database -> commands -> bot -> adapters.
import { ConsoleAdapter } from './adapters/console/console-adapter.ts';
import { loadConfig, ConfigError } from './config.ts';
import { systemClock } from './core/clock.ts';
import { Bot } from './core/dispatch.ts';
import { Registry } from './core/registry.ts';
import { openDatabase } from './db/client.ts';
import type { Services } from './features/context.ts';
import { resolveActor } from './features/directory/identity.ts';
import { createLogger } from './logger.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const db = await openDatabase(config.databaseUrl);
  const registry = await Registry.load();
  const services: Services = { db, admins: config.admins };
  const clock = systemClock;
  const bot = new Bot<Services>({
    registry,
    services,
    clock,
    logger,
    resolveActor: (invocation) => resolveActor({ db, clock, admins: config.admins, defaultLocale: config.locale }, invocation),
  });
  logger.info({ adapter: 'console', commands: registry.all().length }, 'bot started');

  const console = new ConsoleAdapter(bot as Bot, {
    input: process.stdin,
    output: process.stdout,
    notices: process.stderr,
    interactive: Boolean(process.stdin.isTTY),
  });
  await console.run();
  await db.$disconnect();
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
