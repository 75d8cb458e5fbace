// The import and export scripts as a coordinator runs them: usage, importing
// while the bot runs on the same database (and while another writer holds the
// lock for a moment), one-line errors without an engine stack trace.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { rowCounts } from '../../support/db-snapshot.ts';
import { createHarness, type Harness } from '../../support/harness.ts';
import { onPostgres, TEST_TMP } from '../../support/paths.ts';

const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

function script(name: 'import' | 'export', args: string[], databaseUrl = 'file::memory:'): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsxCli, `scripts/${name}.ts`, ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl, BOT_LOCALE: 'ko', SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: '', DISCORD_TOKEN: '', DISCORD_APPLICATION_ID: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function file(name: string, content: string): string {
  const path = join(TEST_TMP, `${Date.now()}-${Math.random().toString(36).slice(2)}-${name}`);
  writeFileSync(path, content);
  return path;
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('npm run import / export', () => {
  it('--help prints the usage in Korean and English; no file is a usage error', async () => {
    const help = await script('import', ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('사용법: npm run import -- [--dry-run]');
    expect(help.stdout).toContain('Usage: npm run import -- [--dry-run]');
    const none = await script('import', []);
    expect([none.code, none.stderr.includes('사용법')]).toEqual([2, true]);
    const bad = await script('import', ['--fast', 'x.csv']);
    expect([bad.code, bad.stderr.trim()]).toEqual([2, '알 수 없는 옵션 --fast. `npm run import -- --help`로 사용법을 보세요.']);
    expect((await script('export', ['--help'])).stdout).toContain('Usage: npm run export -- organizations|members');
  }, 60_000);

  // SQLite's single writer (another connection holds the file's write lock); PostgreSQL has no such wait.
  it.skipIf(onPostgres)('imports while the bot runs on the same file, waiting out another writer; then exports', async () => {
    h = await createHarness();
    await h.say('/org add 행정복지센터 모라3동행정복지센터');
    const orgs = file('orgs.csv', '이름,종류\n모라3동행정복지센터,행정복지센터\n행복종합사회복지관,사회복지관\n');
    const members = file('members.csv', '이름,소속,직위,역할\n홍길동,모라3동행정복지센터,주무관,실무자\n박관장,행복종합사회복지관,관장,기관장\n');

    // Another connection holds the write lock for a moment, as the bot's scheduler might.
    const other = new Database(h.databaseUrl.slice('file:'.length));
    other.exec('BEGIN IMMEDIATE');
    other.prepare('INSERT INTO "Closure" ("date", "name", "createdAt") VALUES (?, ?, ?)').run('2026-12-31', '종무식', Date.now());
    const running = script('import', [orgs, members], h.databaseUrl);
    // The bot keeps answering meanwhile (reads go on under WAL).
    await new Promise((r) => setTimeout(r, 2500));
    expect(await h.say('/org list')).toContain('모라3동행정복지센터');
    other.exec('COMMIT');
    other.close();
    // And writes on while the import runs.
    expect(await h.say('/member add 김코디 role=코디네이터')).toContain('✔');
    const result = await running;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('조직 파일을 가져왔습니다. 추가 1, 변경 0, 그대로 1');
    expect(result.stdout).toContain('구성원 파일을 가져왔습니다. 추가 2, 변경 0, 그대로 0');
    expect(await h.say('/member show 박관장')).toContain('행복종합사회복지관');

    const exported = await script('export', ['members'], h.databaseUrl);
    expect(exported.code).toBe(0);
    expect(exported.stdout.startsWith('\uFEFF번호,이름,소속,직위,역할,상태,')).toBe(true);
    expect(exported.stdout).toContain(',박관장,행복종합사회복지관,관장,기관장,재직,');
    expect(exported.stderr).toContain('구성원 4건을 CSV로 만들었습니다');
    const roundTrip = await script('import', ['--dry-run', file('again.csv', exported.stdout)], h.databaseUrl);
    expect(roundTrip.stdout).toContain('미리 보기(구성원): 아무것도 저장하지 않았습니다. 추가 0, 변경 0, 그대로 4');
  }, 60_000);

  it('a reshuffle list with identifiers: refused with line and column, nothing written, no digit of them printed', async () => {
    h = await createHarness();
    await h.run('/org add 행정복지센터 모라3동행정복지센터', '/org add 행정복지센터 덕포1동행정복지센터', '/member add 김주무관 org=모라3동행정복지센터');
    const before = await rowCounts(h.db);
    const list = file('reshuffle.csv', '이름,발령일,전입기관,직위,후임,비고\n김주무관,2027-01-01,덕포1동행정복지센터,010-9876-5432,new:이주무관,주민 900101-1234567\n');
    const result = await script('import', [list], h.databaseUrl);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^\S+reshuffle\.csv: 가져오지 못했습니다\. 아무것도 저장하지 않았습니다\. 고칠 곳:\n {2}2행: `직위`에 개인 휴대전화 번호/);
    expect(result.stderr).toContain('2행: `비고`에 주민등록번호처럼 보이는 값');
    for (const digits of ['9876', '5432', '900101', '1234567']) expect(result.stdout + result.stderr).not.toContain(digits);
    expect(await rowCounts(h.db)).toEqual(before);
  }, 60_000);

  it('a bad file and an unusable database are one line each, never a stack trace', async () => {
    const missing = await script('import', ['/nonexistent/members.csv'], `file:${join(TEST_TMP, 'fresh-import.db')}`);
    expect([missing.code, missing.stderr.trim()]).toEqual([1, '/nonexistent/members.csv 파일을 읽을 수 없습니다 (ENOENT). 경로를 확인하세요.']);
    const orgs = file('orgs.csv', '이름,종류\n가,기타\n');
    const broken = await script('import', [orgs], 'file:/dev/null/bot.db');
    expect(broken.code).toBe(1);
    expect(broken.stderr.trim().split('\n')).toHaveLength(1);
    expect(broken.stderr).toMatch(/^데이터베이스를 쓸 수 없습니다 \(.+\)\. 아무것도 저장하지 않았습니다/);
    expect(broken.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
