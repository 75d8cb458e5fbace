// The coordinator's first week, through the console and the CSV import:
// import the organisations (saved by Excel in its Korean default, CP949) and
// the members, fix three mistakes by command, re-import the edited
// spreadsheet (1 added, 2 changed, nobody twice), export and compare.
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/core/command.ts';
import { translator } from '../../../src/core/i18n/index.ts';
import { exportMembers, exportOrganizations } from '../../../src/features/directory/export.ts';
import { importCsv } from '../../../src/features/directory/import.ts';
import { rowCounts } from '../../support/db-snapshot.ts';
import { createHarness, type Harness } from '../../support/harness.ts';
import { encodeCp949 } from './csv-support.ts';

let h: Harness;
const actor: Actor = { name: 'csv-import', roles: new Set(), locale: 'ko', platform: 'console', platformUserId: 'csv-import' };
const run = (csv: string | Uint8Array, dryRun = false) => importCsv({ db: h.db, clock: h.clock, actor }, csv, { dryRun });
const t = translator('ko');

beforeEach(async () => {
  h = await createHarness(); // 2026-11-25 10:00 KST
});
afterEach(() => h.close());

const ORGANIZATIONS = `이름,종류,읍면동,시군구
행복종합사회복지관,사회복지관,모라3동,사상구
모라3동주민센터,행정복지센터,모라3동,사상구
모라3동지역사회보장협의체,보장협의체,모라3동,사상구
`;

const MEMBERS = `\uFEFF이름,소속,직위,역할,업무전화,이메일,협의체,위원구분,임기시작
홍길동,모라3동주민센터,주무관,실무자,051-310-1234,hong@korea.kr,,,
이동장,모라3동주민센터,동장,기관장,051-310-1200,,모라3동지역사회보장협의체,공공위원장,2026-01-01
박관장,행복종합사회복지관,관장,"기관장, 코디네이터",051-123-4567,park@happy.or.kr,,,
김민수,모라3동주민센터,주무관,실무자,,,,,
최위원,,,실무자,,,모라3동지역사회보장협의체,민간위원장,2026-01-01
`;

/** The coordinator's spreadsheet a week later: the fixes copied in, 김민수 (transferred) deleted, one e-mail and one phone changed, a newcomer, a notes column. */
const EDITED = `이름,소속,직위,역할,업무전화,이메일,협의체,위원구분,임기시작,비고
홍길동,모라3동행정복지센터,팀장,실무자,051-310-1234,hong@korea.kr,,,,
이동장,모라3동행정복지센터,동장,기관장,051-310-1200,dong@korea.kr,모라3동지역사회보장협의체,공공위원장,2026-01-01,메일 생김
박관장,행복종합사회복지관,관장,"코디네이터,기관장",051-123-4599,park@happy.or.kr,,,,번호 바뀜
최위원,,,Staff,,,모라3동지역사회보장협의체,민간위원장,2026-01-01,
이신입,모라3동행정복지센터,주무관,실무자,051-310-1235,new@korea.kr,,,,12월 발령
`;

describe('the coordinator’s first week', () => {
  it('imports, fixes by command, re-imports an edited file, exports and compares', async () => {
    // Monday: two files.
    const orgs = await run(encodeCp949(ORGANIZATIONS));
    expect(orgs).toMatchObject({ kind: 'organizations', added: 3, updated: 0, unchanged: 0 });
    expect(orgs.notes).toEqual([t('import.readCp949')]);
    const members = await run(MEMBERS);
    expect(members.changes).toEqual([
      '2행: 추가 홍길동 (모라3동주민센터)',
      '3행: 추가 이동장 (모라3동주민센터)',
      '4행: 추가 박관장 (행복종합사회복지관)',
      '5행: 추가 김민수 (모라3동주민센터)',
      '6행: 추가 최위원 (소속 없음)',
    ]);
    expect(members.summary).toBe('추가 5, 변경 0, 그대로 0');

    // Tuesday: three mistakes fixed by command.
    expect(await h.say('/org rename 모라3동주민센터 name=모라3동행정복지센터')).toContain('✔');
    expect(await h.say('/member edit 홍길동 position=팀장')).toContain('✔');
    expect(await h.say('/member retire 김민수 reason=전출 confirm=yes')).toContain('✔');

    // Friday: the edited spreadsheet, first as a dry run.
    const before = await rowCounts(h.db);
    const preview = await run(EDITED, true);
    expect(await rowCounts(h.db)).toEqual(before);
    expect(preview.changes).toEqual([
      '3행: 변경 #2 이동장: 이메일 (없음) → dong@korea.kr',
      '4행: 변경 #3 박관장: 업무전화 051-123-4567 → 051-123-4599',
      '6행: 추가 이신입 (모라3동행정복지센터)',
    ]);
    expect(preview.notes).toEqual(['알 수 없는 열은 건너뛰었습니다: 비고']);
    expect(preview.summary).toBe('추가 1, 변경 2, 그대로 2');

    const result = await run(EDITED);
    expect(result).toMatchObject({ dryRun: false, added: 1, updated: 2, unchanged: 2 });
    expect(result.changes).toEqual(preview.changes);
    // Nobody twice: five people from the file, 김민수 (transferred) and the console's admin.
    const all = await h.db.member.findMany({ orderBy: { id: 'asc' } });
    expect(all.map((m) => m.name)).toEqual(['홍길동', '이동장', '박관장', '김민수', '최위원', 'admin', '이신입']);

    // Export and compare with the spreadsheet.
    const exported = parse((await exportMembers(h, t)).csv, { bom: true, columns: true }) as Record<string, string>[];
    const edited = parse(EDITED, { columns: true }) as Record<string, string>[];
    for (const row of edited) {
      const out = exported.find((e) => e.이름 === row.이름);
      expect(out, row.이름).toBeDefined();
      for (const column of ['소속', '직위', '업무전화', '이메일', '협의체', '위원구분', '임기시작']) {
        expect([row.이름, column, out?.[column]]).toEqual([row.이름, column, row[column]]);
      }
      expect(out?.상태).toBe('재직');
    }
    expect(exported.find((e) => e.이름 === '박관장')?.역할).toBe('코디네이터, 기관장');
    expect(exported.find((e) => e.이름 === '최위원')?.역할).toBe('실무자');
    expect(exported.find((e) => e.이름 === '김민수')).toMatchObject({ 번호: '4', 상태: '전출', 소속: '모라3동행정복지센터' });
    expect(exported.find((e) => e.이름 === '이동장')?.임기종료).toBe('2027-12-31');

    // The export reads back as it is: nothing to change, in either file.
    expect(await run((await exportMembers(h, t)).csv)).toMatchObject({ added: 0, updated: 0, unchanged: 7 });
    expect(await run((await exportOrganizations(h, t)).csv)).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
    // And so does an English export.
    expect(await run((await exportMembers(h, translator('en'))).csv)).toMatchObject({ added: 0, updated: 0, unchanged: 7 });

    // The chat command gives the same file.
    const reply = await h.say('/member export');
    expect(reply).toContain('구성원 7건을 CSV로 만들었습니다');
    expect(reply).toContain('--- members.csv (text/csv) ---');
    expect(reply).toContain('1,홍길동,모라3동행정복지센터,팀장,실무자,재직,051-310-1234,hong@korea.kr,,,,,,');
  });
});
