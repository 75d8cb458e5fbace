// Entry point: configuration -> app (database, commands, outbox, adapters).
// With no Slack or Discord credentials the console adapter runs in this
// terminal (or reads a script from piped input and exits at its end).
import { createApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { systemClock } from './core/clock.ts';
import { migrateInChildProcess } from './db/migrate-isolated.ts';
import { createLogger } from './logger.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  await migrateInChildProcess(config.databaseUrl);
  const app = await createApp(config, {
    clock: systemClock,
    logger,
    migrate: false,
    console: { input: process.stdin, output: process.stdout, notices: process.stderr, interactive: Boolean(process.stdin.isTTY) },
  });
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await app.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.start();
  if (app.console) {
    await app.console.finished;
    // Send what the last commands queued before leaving.
    await app.senders.get('console')?.drain();
    await app.stop();
  }
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
