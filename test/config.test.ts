import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('config', () => {
  it('has working defaults: SQLite file under ./data, Korean, no admins', () => {
    expect(loadConfig({})).toEqual({ databaseUrl: 'file:./data/bot.db', admins: [], locale: 'ko', logLevel: 'info' });
  });

  it('parses BOT_ADMINS as platform:userId pairs', () => {
    expect(loadConfig({ BOT_ADMINS: 'slack:U0123, discord:4567' }).admins).toEqual(['slack:U0123', 'discord:4567']);
  });

  it('names each bad variable with an example', () => {
    let error: unknown;
    try {
      loadConfig({ BOT_ADMINS: 'U0123', BOT_LOCALE: 'jp', DATABASE_URL: 'mysql://db' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/BOT_ADMINS: .*slack:U0123,discord:4567/);
    expect(message).toMatch(/BOT_LOCALE: must be ko or en/);
    expect(message).toMatch(/DATABASE_URL: .*file:\.\/data\/bot\.db/);
  });
});
