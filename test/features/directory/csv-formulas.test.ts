// A staff member plants a formula in their own position; the coordinator
// exports the roster and opens it in Excel. Every export cell that a
// spreadsheet would run starts with an apostrophe, the file is framed as
// Excel writes CSV (BOM, CRLF), and importing the export changes nothing.
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/core/command.ts';
import { importCsv } from '../../../src/features/directory/import.ts';
import { createHarness, type Harness } from '../../support/harness.ts';

let h: Harness;
const actor: Actor = { name: 'csv-import', roles: new Set(), locale: 'ko', platform: 'console', platformUserId: 'csv-import' };
const run = (csv: string) => importCsv({ db: h.db, clock: h.clock, actor }, csv);

beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

const ORGANIZATIONS = `이름,종류,읍면동,시군구
@행복종합사회복지관,사회복지관,-,+사상구
모라3동행정복지센터,행정복지센터,=모라3동,사상구
`;

// ''=… is a cell that really begins with an apostrophe before `=` (import drops one apostrophe, export adds it back).
const MEMBERS = `이름,소속,직위,역할,업무전화,이메일
홍길동,모라3동행정복지센터,"=HYPERLINK(""http://x"",""y"")",실무자,051-310-1234,hong@korea.kr
김민수,모라3동행정복지센터,+82 대표,실무자,,
박관장,@행복종합사회복지관,-,기관장,,
최주무관,모라3동행정복지센터,''=따옴표,실무자,,
`;

/** The file a chat command attached, as the console prints it. */
function attached(reply: string, name: string): string {
  const marker = `--- ${name} (text/csv) ---\n`;
  expect(reply).toContain(marker);
  return reply.slice(reply.indexOf(marker) + marker.length);
}

function expectExcelFraming(csv: string) {
  expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.endsWith('\r\n')).toBe(true);
  expect(csv).not.toMatch(/[^\r]\n/);
}

const snapshot = async () => ({
  organizations: await h.db.organization.findMany({ orderBy: { id: 'asc' } }),
  members: await h.db.member.findMany({ orderBy: { id: 'asc' }, include: { roles: true, identities: true, councilSeats: true } }),
});

describe('CSV exports cannot run formulas', () => {
  it('members and organisations: apostrophe before =, +, -, @; BOM and CRLF; the export imported back changes nothing', async () => {
    expect((await run(ORGANIZATIONS)).added).toBe(2);
    expect((await run(MEMBERS)).added).toBe(4);
    // And one planted by chat, as the staff member would.
    expect(await h.say('/member add 이주무관 org=모라3동행정복지센터 position=@home')).toContain('✔');
    expect((await h.db.member.findFirstOrThrow({ where: { name: '최주무관' } })).position).toBe("'=따옴표");

    const members = attached(await h.say('/member export'), 'members.csv');
    const organizations = attached(await h.say('/org export'), 'organizations.csv');
    expectExcelFraming(members);
    expectExcelFraming(organizations);
    expect(members).toContain(`\r\n1,홍길동,모라3동행정복지센터,"'=HYPERLINK(""http://x"",""y"")",실무자,`);

    const memberRows = parse(members, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.fromEntries(memberRows.map((r) => [r.이름, r.직위]))).toMatchObject({
      홍길동: `'=HYPERLINK("http://x","y")`,
      김민수: "'+82 대표",
      박관장: "'-",
      최주무관: "''=따옴표",
      이주무관: "'@home",
    });
    expect(memberRows.find((r) => r.이름 === '박관장')?.소속).toBe("'@행복종합사회복지관");
    expect(memberRows.find((r) => r.이름 === '홍길동')?.업무전화).toBe('051-310-1234');
    const orgRows = parse(organizations, { bom: true, columns: true }) as Record<string, string>[];
    expect(orgRows.map((r) => [r.이름, r.읍면동, r.시군구])).toEqual([
      ["'@행복종합사회복지관", "'-", "'+사상구"],
      ['모라3동행정복지센터', "'=모라3동", '사상구'],
    ]);
    // No cell of either file starts a formula.
    for (const row of [...memberRows, ...orgRows]) for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@\t\r]/);

    const before = await snapshot();
    expect(await run(organizations)).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    expect(await run(members)).toMatchObject({ added: 0, updated: 0, unchanged: 6 });
    expect(await snapshot()).toEqual(before);
  });
});
