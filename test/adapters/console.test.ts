// The console adapter as a user meets it: `npm start` with piped input.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { renderCard } from '../../src/adapters/console/render.ts';
import { splitSpeaker } from '../../src/adapters/console/console-adapter.ts';
import { createHarness, freshDatabaseUrl } from '../support/harness.ts';

const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

function runBot(input: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsxCli, 'src/main.ts'], {
      env: { ...process.env, ...env, SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('console adapter (npm start with piped input)', () => {
  it('runs a scripted session, persists it, and keeps logs off stdout', async () => {
    const env = { DATABASE_URL: freshDatabaseUrl(), LOG_LEVEL: 'info' };
    const first = await runBot('/org add 사회복지관 행복종합사회복지관 dong=모라3동\n/org list\n', env);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(
      '✔ 사회복지관 행복종합사회복지관(#1)을(를) 등록했습니다.\n■ 등록된 조직 (1곳)\n#1 행복종합사회복지관 · 사회복지관 · 모라3동\n',
    );
    expect(first.stderr).toContain('bot started');

    const second = await runBot('# a comment line\n\n/org list\n', env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('#1 행복종합사회복지관');
  }, 30_000);

  it('stops with a message naming a bad variable', async () => {
    const result = await runBot('', { DATABASE_URL: 'mysql://x', BOT_ADMINS: 'U0123' });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('DATABASE_URL');
    expect(result.stderr).toContain('BOT_ADMINS');
    expect(result.stdout).toBe('');
  }, 30_000);
});

describe('console conventions', () => {
  it('@name speaks as that member; the default speaker is admin', () => {
    expect(splitSpeaker('@박영희 /member me')).toEqual({ user: '박영희', text: '/member me' });
    expect(splitSpeaker('/org list')).toEqual({ user: 'admin', text: '/org list' });
  });

  it('a new console name becomes a staff member without organisation', async () => {
    const h = await createHarness();
    const out = await h.say('@@최실무 /member me');
    expect(out).toContain('소속: -');
    expect(out).toContain('역할: 실무자');
    await h.close();
  });

  it('prints buttons as numbered choices and a typed number presses one', async () => {
    const rendered = renderCard({
      title: '정례모임',
      buttons: [
        { label: '조직 목록', command: '/org list' },
        { label: '도움말', command: '/help' },
      ],
    });
    expect(rendered.text).toBe('■ 정례모임\n[1] 조직 목록  [2] 도움말');

    const h = await createHarness();
    const index = await h.say('/help');
    expect(index).toContain('[1] /agenda  [2] /audit  [3] /case  [4] /channel  [5] /clock  [6] /council');
    expect(await h.say('6')).toContain('/council seat <member> council=.. seat=..');
    expect(await h.say('@@박영희 4')).toContain('/channel bind [org] [partnership=..]');
    expect(await h.say('30')).toBe('30번 버튼이 없습니다. 마지막 메시지의 버튼 번호를 입력하세요.');
    await h.close();
  });
});
