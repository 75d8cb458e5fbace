// E-mail configuration: off without SMTP_URL, clear messages naming the variable.
import { describe, expect, it } from 'vitest';
import { parseMailFrom } from '../../src/adapters/email/config.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';

const load = (env: Record<string, string>) => loadConfig(env as NodeJS.ProcessEnv, '/nonexistent/.env');
const error = (env: Record<string, string>) => {
  try {
    load(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a ConfigError');
};
const SECRET = 'k'.repeat(40);

describe('e-mail configuration', () => {
  it('is off without SMTP_URL (MAIL_FROM and PUBLIC_URL alone change nothing)', () => {
    expect(load({}).email).toBeUndefined();
    expect(load({ MAIL_FROM: 'bot@korea.kr', PUBLIC_URL: 'https://bot.example.go.kr' }).email).toBeUndefined();
  });

  it('reads SMTP_URL, MAIL_FROM (with a name), PUBLIC_URL and UNSUBSCRIBE_SECRET; UNSUBSCRIBE_PORT is kept only to be warned about', () => {
    expect(
      load({
        SMTP_URL: 'smtps://bot%40korea.kr:pw@smtp.korea.kr:465',
        MAIL_FROM: '민관협력 봇 <bot@korea.kr>',
        PUBLIC_URL: 'https://bot.example.go.kr/minkwan/',
        UNSUBSCRIBE_PORT: '8025',
        UNSUBSCRIBE_SECRET: SECRET,
      }).email,
    ).toEqual({
      smtpUrl: 'smtps://bot%40korea.kr:pw@smtp.korea.kr:465',
      from: '민관협력 봇 <bot@korea.kr>',
      fromAddress: 'bot@korea.kr',
      publicUrl: 'https://bot.example.go.kr/minkwan',
      unsubscribeSecret: SECRET,
      ignoredUnsubscribePort: 8025,
    });
    expect(load({ SMTP_URL: 'smtp://relay.local:25', MAIL_FROM: 'bot@korea.kr' }).email).toEqual({
      smtpUrl: 'smtp://relay.local:25',
      from: 'bot@korea.kr',
      fromAddress: 'bot@korea.kr',
      publicUrl: undefined,
      unsubscribeSecret: undefined,
    });
  });

  it('names the variable and shows an example', () => {
    expect(error({ SMTP_URL: 'https://smtp.korea.kr' })).toMatch(/SMTP_URL: must be smtp:\/\/ .*e\.g\. smtps:\/\//);
    expect(error({ SMTP_URL: 'smtp://relay.local' })).toMatch(/MAIL_FROM: missing/);
    expect(error({ SMTP_URL: 'smtp://relay.local', MAIL_FROM: 'not an address' })).toMatch(/MAIL_FROM: must be an e-mail address/);
    expect(error({ SMTP_URL: 'smtp://relay.local', MAIL_FROM: 'bot@korea.kr', PUBLIC_URL: 'http://bot.example.go.kr' })).toMatch(/PUBLIC_URL: must be the https address/);
    expect(error({ SMTP_URL: 'smtp://relay.local', MAIL_FROM: 'bot@korea.kr', PUBLIC_URL: 'https://bot.example.go.kr' })).toMatch(/UNSUBSCRIBE_SECRET: missing/);
    expect(error({ SMTP_URL: 'smtp://relay.local', MAIL_FROM: 'bot@korea.kr', UNSUBSCRIBE_SECRET: 'short' })).toMatch(/UNSUBSCRIBE_SECRET: must be at least 32/);
    expect(error({ SMTP_URL: 'smtp://relay.local', MAIL_FROM: 'bot@korea.kr', UNSUBSCRIBE_PORT: 'x' })).toMatch(/UNSUBSCRIBE_PORT: must be a port number .*no longer used/);
  });

  it('MAIL_FROM: a bare address or a name with an address, nothing that could add a header', () => {
    expect(parseMailFrom('bot@korea.kr')).toBe('bot@korea.kr');
    expect(parseMailFrom('"민관협력 봇" <bot@korea.kr>')).toBe('bot@korea.kr');
    expect(parseMailFrom('bot@korea.kr\r\nBcc: x@y.z')).toBeUndefined();
    expect(parseMailFrom('a <b@c.d> <e@f.g>')).toBeUndefined();
    expect(parseMailFrom('bot')).toBeUndefined();
  });
});
