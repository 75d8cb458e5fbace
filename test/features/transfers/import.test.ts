// A reshuffle list of 20 moves from CSV: all-or-nothing, line-numbered, with a
// dry run; then every row is a confirmed transfer with its jobs planned.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/features/directory/import.ts';
import { importTransfers } from '../../../src/features/transfers/import.ts';
import { rowCounts } from '../../support/db-snapshot.ts';
import { createHarness, type Harness } from '../../support/harness.ts';

let h: Harness;
const DONGS = ['모라1동', '모라3동', '덕포1동', '덕포2동', '괘법동'];
beforeEach(async () => {
  h = await createHarness(); // 2026-11-25 10:00 KST
  for (const dong of DONGS) await h.say(`/org add 행정복지센터 ${dong}행정복지센터 dong=${dong} sigungu=사상구`);
  for (let i = 1; i <= 20; i++) await h.say(`/member add 직원${i} org=${DONGS[i % 5]}행정복지센터 position=주무관`);
  await h.say('/member add 신규후임 org=모라1동행정복지센터 position=주무관');
});
afterEach(() => h.close());

const admin = () => h.app.context({ name: 'csv-import', roles: new Set(['admin']), locale: 'ko', platform: 'console', platformUserId: 'csv-import' });

function reshuffle(edit: (rows: string[]) => void = () => {}): string {
  const rows = Array.from({ length: 20 }, (_, k) => {
    const i = k + 1;
    return `직원${i},2027-01-01,${DONGS[(i + 1) % 5]}행정복지센터,주무관,,${i === 1 ? '신규후임' : ''},,정기 인사`;
  });
  edit(rows);
  return `이름,발령일,전입기관,직위,구분,후임,직무대리,비고\n${rows.join('\n')}\n`;
}

describe('reshuffle list import', () => {
  it('a dry run lists 20 moves and writes nothing; the import plans 20 confirmed transfers', async () => {
    const before = await rowCounts(h.db);
    const dry = await importTransfers(admin(), reshuffle(), { dryRun: true });
    expect(dry.count).toBe(20);
    expect(dry.lines[0]).toBe('2행: 직원1 모라3동행정복지센터 → 덕포1동행정복지센터 (2027-01-01), 후임 신규후임');
    expect(await rowCounts(h.db)).toEqual(before);

    const done = await importTransfers(admin(), reshuffle());
    expect(done.count).toBe(20);
    expect(await h.db.transfer.count({ where: { status: 'planned' } })).toBe(20);
    expect(await h.db.job.count({ where: { kind: 'transfer.apply', status: 'pending' } })).toBe(20);
    expect(await h.say('/transfer list')).toContain('■ 인사이동 20건');
  });

  it('one bad row, a person twice or an unknown organisation: nothing is written, every problem has its line', async () => {
    const before = await rowCounts(h.db);
    const csv = reshuffle((rows) => {
      rows[2] = '직원3,2026-10-01,덕포1동행정복지센터,주무관,,,,'; // line 4: past date
      rows[5] = '직원6,2027-01-01,없는동행정복지센터,주무관,,,,'; // line 7: unknown organisation
      rows[9] = '직원1,2027-01-01,괘법동행정복지센터,주무관,,,,'; // line 11: 직원1 again
      rows[12] = '직원13,내년쯤,괘법동행정복지센터,주무관,,,,'; // line 14: unreadable date
    });
    let error: ImportError | undefined;
    try {
      await importTransfers(admin(), csv);
    } catch (e) {
      error = e as ImportError;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect(error!.problems.map((p) => p.split(':')[0])).toEqual(['4행', '7행', '11행', '14행']);
    expect(error!.problems[0]).toContain('이미 지났습니다');
    expect(error!.problems[1]).toContain('7행: 그 이름의 조직을 찾을 수 없습니다');
    expect(error!.problems[2]).toContain('2행에도 있습니다');
    expect(error!.problems[3]).toContain('`내년쯤`을(를) 날짜로 읽을 수 없습니다');
    expect(await rowCounts(h.db)).toEqual(before);
  });
});

describe('reshuffle list and the identifier guard', () => {
  it('an RRN, a mobile number or a resident in note, position or successor: refused per line and column, nothing written, nothing echoed', async () => {
    const before = await rowCounts(h.db);
    const csv = reshuffle((rows) => {
      rows[0] = '직원1,2027-01-01,덕포1동행정복지센터,주무관,,,,주민 900101-1234567 관련'; // line 2: RRN in 비고
      rows[1] = '직원2,2027-01-01,덕포2동행정복지센터,010-9876-5432,,,,'; // line 3: mobile in 직위
      rows[2] = '직원3,2027-01-01,괘법동행정복지센터,주무관,,new:홍길동 900101-1234567,,'; // line 4: RRN in 후임
      rows[3] = '직원4,2027-01-01,모라1동행정복지센터,주무관,,,,연락 010-9876-5432'; // line 5: mobile in 비고
      rows[4] = '직원5,2027-01-01,모라3동행정복지센터,주무관,,new:김영희 어르신,,김영희 어르신 댁 방문'; // line 6: a resident (the name rule)
    });
    let error: ImportError | undefined;
    try {
      await importTransfers(admin(), csv);
    } catch (e) {
      error = e as ImportError;
    }
    expect(error).toBeInstanceOf(ImportError);
    const problems = error!.problems;
    expect(problems.slice(0, 4)).toEqual([
      expect.stringMatching(/^2행: `비고`에 주민등록번호처럼 보이는 값/),
      expect.stringMatching(/^3행: `직위`에 개인 휴대전화 번호처럼 보이는 값/),
      expect.stringMatching(/^4행: `후임`에 주민등록번호처럼 보이는 값/),
      expect.stringMatching(/^5행: `비고`에 개인 휴대전화 번호처럼 보이는 값/),
    ]);
    const output = [...error!.notes, ...problems].join('\n');
    for (const digits of ['900101', '1234567', '010', '9876', '5432', '김영희', '홍길동']) expect(output).not.toContain(digits);
    expect(await rowCounts(h.db)).toEqual(before);
  });
});
