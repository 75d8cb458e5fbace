import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, requireBallotKeyForChat } from '../src/config.ts';

describe('config', () => {
  it('has working defaults: SQLite file under ./data, Korean, no admins', () => {
    expect(loadConfig({})).toEqual({
      databaseUrl: 'file:./data/bot.db',
      admins: [],
      locale: 'ko',
      logLevel: 'info',
      http: { host: '127.0.0.1', port: 3000, explicit: false },
    });
    expect(loadConfig({ PORT: '8080' }).http).toEqual({ host: '127.0.0.1', port: 8080, explicit: true });
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

  it('refuses out-of-range numbers and dates as configuration errors naming the variable, not crashes later', () => {
    const message = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as Error).message;
      }
      throw new Error('accepted');
    };
    // The holiday calendar answers for 2018–2050 only: a console clock outside it used to throw a RangeError at the first date.
    expect(message({ BOT_NOW: '2017-12-31 09:00' })).toMatch(/BOT_NOW: must be in the years 2018–2050/);
    expect(message({ BOT_NOW: '2051-01-01T00:00:00Z' })).toMatch(/BOT_NOW: must be in the years 2018–2050/);
    expect(loadConfig({ BOT_NOW: '2018-01-01 00:00' }).now).toEqual(new Date('2017-12-31T15:00:00Z'));
    expect(message({ BOT_NOW: '2026-02-30' })).toMatch(/BOT_NOW: must be a Seoul date/);
    for (const bad of ['70000', '-1', '30.5', 'web']) {
      expect(message({ PORT: bad })).toMatch(/PORT: must be a port number from 0 to 65535 — e\.g\. 3000/);
      expect(message({ SMTP_URL: 'smtp://relay.local', MAIL_FROM: 'bot@korea.kr', UNSUBSCRIBE_PORT: bad })).toMatch(/UNSUBSCRIBE_PORT: must be a port number .*no longer used/);
    }
  });

  it('HOST: loopback unless PUBLIC_URL is set, validated, used by the one HTTP listener', () => {
    const slack = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret-123' };
    const email = { SMTP_URL: 'smtp://relay.local:25', MAIL_FROM: 'bot@korea.kr' };
    expect(loadConfig(slack).http?.host).toBe('127.0.0.1');
    expect(loadConfig(email).http?.host).toBe('127.0.0.1');
    const published = { ...slack, ...email, PUBLIC_URL: 'https://bot.example.go.kr', UNSUBSCRIBE_SECRET: 'x'.repeat(32) };
    expect(loadConfig(published).http?.host).toBe('0.0.0.0');
    expect(loadConfig({ ...published, HOST: '10.0.0.5' }).http?.host).toBe('10.0.0.5');
    expect(loadConfig({ ...slack, HOST: '::1' }).http?.host).toBe('::1');
    expect(loadConfig({ ...slack, HOST: 'bot-host.local' }).http?.host).toBe('bot-host.local');
    for (const bad of ['0.0.0.0:3000', 'http://127.0.0.1', 'two words']) {
      expect(() => loadConfig({ ...slack, HOST: bad })).toThrow(/HOST: must be an IP address or host name .*e\.g\. 127\.0\.0\.1/);
    }
  });

  it('Slack or Discord without BALLOT_KEY: the bot refuses to start and says how to make one', () => {
    const slack = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret-123' });
    expect(() => requireBallotKeyForChat(slack)).toThrow(ConfigError);
    expect(() => requireBallotKeyForChat(slack)).toThrow(/BALLOT_KEY: missing — with Slack or Discord .*openssl rand -base64 32/);
    const discord = loadConfig({ DISCORD_TOKEN: 'x'.repeat(30), DISCORD_APPLICATION_ID: '123456789012345678' });
    expect(() => requireBallotKeyForChat(discord)).toThrow(/BALLOT_KEY: missing/);
    const key = Buffer.alloc(32, 1).toString('base64');
    expect(() => requireBallotKeyForChat(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret-123', BALLOT_KEY: key }))).not.toThrow();
    expect(() => requireBallotKeyForChat(loadConfig({}))).not.toThrow();
  });
});
