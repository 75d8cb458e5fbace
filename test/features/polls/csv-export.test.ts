// A poll's export opened in Excel: choices and names that begin with a
// formula character are text (a leading apostrophe), the file is framed as
// Excel writes CSV (BOM, CRLF).
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../support/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await createHarness(); // 2026-11-25 10:00 KST
  await h.run(
    '/org add 보장협의체 모라3동지역사회보장협의체 dong=모라3동',
    '/member add 김위원',
    '/member add 이위원',
    '/council seat 김위원 council=모라3동지역사회보장협의체 seat=member from=2026-01-01',
    '/council seat 이위원 council=모라3동지역사회보장협의체 seat=member from=2026-01-01',
    '@김위원 /member me',
    '@이위원 /member me',
  );
});
afterEach(() => h.close());

describe('poll export', () => {
  it('a choice like =SUM(…) or @… starts with an apostrophe; BOM and CRLF', async () => {
    expect(await h.say('/poll create question="사업 선택" options="=SUM(1;2),@본부" voters=council:모라3동지역사회보장협의체 kind=single anonymous=no deadline="2026-12-01 18:00"')).toContain('투표 #1');
    await h.run('@김위원 /poll vote 1 1', '@이위원 /poll vote 1 2', '/poll close 1');
    const reply = await h.say('/poll export 1');
    const marker = '--- poll-1.csv (text/csv) ---\n';
    expect(reply).toContain(marker);
    const csv = reply.slice(reply.indexOf(marker) + marker.length);
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).not.toMatch(/[^\r]\n/);
    expect((parse(csv, { bom: true }) as string[][]).sort()).toEqual([
      ['김위원', "'=SUM(1;2)"],
      ['이위원', "'@본부"],
      ['투표자', '선택'],
    ]);
  });
});
