// Entry point: configuration -> app (database, commands, outbox, adapters).
// With no Slack or Discord credentials the console adapter runs in this
// terminal (or reads a script from piped input and exits at its end) on a
// simulated clock: it starts at BOT_NOW (or now) and /clock moves it forward.
import { chatPlatforms, ConfigError, EXIT_CONFIG, loadConfig, requireBallotKeyForChat } from './config.ts';
import { SimulatedClock, systemClock } from './core/clock.ts';
import { migrateInChildProcess } from './db/migrate-isolated.ts';
import { dirname, join } from 'node:path';
import { sqliteFilePath } from './db/adapter.ts';
import { createLogger } from './logger.ts';

/** `data/console.log` beside the SQLite file (or in the working folder). */
function consoleLogFile(databaseUrl: string): string {
  const file = sqliteFilePath(databaseUrl);
  return join(file && file !== ':memory:' ? dirname(file) : '.', 'console.log');
}

async function main(): Promise<void> {
  const config = loadConfig();
  requireBallotKeyForChat(config);
  const chat = chatPlatforms(config).length > 0;
  // At a terminal the console's prompt shares stderr with the logs: they go to a file beside the database instead.
  const logFile = !chat && process.stdin.isTTY && process.stderr.isTTY ? consoleLogFile(config.databaseUrl) : undefined;
  const logger = createLogger(config.logLevel, logFile);
  if (logFile) process.stderr.write(`logs: ${logFile}\n`);
  // The migrations run in a child process while this one loads the bot's code.
  const [{ createApp }] = await Promise.all([import('./app.ts'), migrateInChildProcess(config.databaseUrl)]);
  const clock = chat ? systemClock : new SimulatedClock(config.now);
  if (config.now) logger.info({ now: config.now.toISOString() }, 'console clock starts at BOT_NOW');
  const app = await createApp(config, {
    clock,
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
    // Before leaving: run the jobs due by now (those the last commands
    // scheduled included) and send what they and the commands queued.
    await app.simulation?.advanceTo(app.clock.now());
    await app.senders.get('console')?.drain();
    await app.stop();
  }
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(EXIT_CONFIG);
  }
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
