// The compiled agenda as CSV opened in Excel: a summary or question that
// begins with a formula character is text (a leading apostrophe), the file is
// framed as Excel writes CSV (BOM, CRLF).
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../support/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ simulated: true }); // 2026-11-25 10:00 KST
  await h.run(
    '/org add 행정복지센터 모라3동행정복지센터 dong=모라3동 sigungu=사상구',
    '/org add 사회복지관 행복종합사회복지관 dong=모라3동 sigungu=사상구',
    '/member add 김주무관 org=모라3동행정복지센터 position=주무관',
    '/member add 이동장 org=모라3동행정복지센터 role=기관장',
    '/meetup create title="모라3동 통합사례회의" org=모라3동행정복지센터 with=행복종합사회복지관 repeat="매월 둘째 목요일" start=2026-12-01 time=14:00',
  );
  for (const name of ['김주무관', '이동장']) await h.say(`@${name} /member me`);
});
afterEach(() => h.close());

describe('agenda export', () => {
  it('a summary like =HYPERLINK(…) or a question like -… starts with an apostrophe; BOM and CRLF', async () => {
    await h.say('/clock 2026-12-03 09:30');
    expect(
      await h.say('@김주무관 /agenda add 1 case=2026-모라3-014 stage=사정 risk=고 needs=주거 summary="=HYPERLINK(1)" question="-긴급 주거비 연계" consent=yes'),
    ).toContain('안건 #1');
    const reply = await h.say('@이동장 /agenda export 1');
    const marker = '(text/csv) ---\n';
    expect(reply).toContain(marker);
    const csv = reply.slice(reply.indexOf(marker) + marker.length);
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).not.toMatch(/[^\r]\n/);
    const [header, row] = parse(csv, { bom: true }) as string[][];
    expect(row[header.indexOf('진행 요약')]).toBe("'=HYPERLINK(1)");
    expect(row[header.indexOf('질문')]).toBe("'-긴급 주거비 연계");
  });
});
