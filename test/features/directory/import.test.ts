import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/core/command.ts';
import { importCsv, ImportError } from '../../../src/features/directory/import.ts';
import { rowCounts } from '../../support/db-snapshot.ts';
import { createHarness, type Harness } from '../../support/harness.ts';

let h: Harness;
const actor: Actor = { name: 'csv-import', roles: new Set(), locale: 'ko', platform: 'console', platformUserId: 'csv-import' };
const run = (csv: string) => importCsv({ db: h.db, clock: h.clock, actor }, csv);
const counts = (r: { kind: string; added: number; updated: number; unchanged: number }) => [r.kind, r.added, r.updated, r.unchanged];

async function expectRejected(csv: string): Promise<string[]> {
  const before = await rowCounts(h.db);
  const error = await run(csv).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  expect(await rowCounts(h.db)).toEqual(before);
  return (error as ImportError).problems;
}

const ORGS = `\uFEFF이름,종류,읍면동,시군구
행복종합사회복지관,사회복지관,모라3동,사상구
모라3동행정복지센터,주민센터,모라3동,사상구
모라3동지역사회보장협의체,보장협의체,모라3동,사상구
`;

beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

describe('CSV import', () => {
  it('imports organisations with Korean headers (and a BOM), then members with seats and accounts', async () => {
    expect(counts(await run(ORGS))).toEqual(['organizations', 3, 0, 0]);
    const members = `name,org,position,roles,phone,email,council,seat,term_from,slack_id,discord_id
김민수,모라3동행정복지센터,주무관,staff,051-310-1234,minsu@korea.kr,,,,U0KIM,
이동장,모라3동행정복지센터,동장,head,,,모라3동지역사회보장협의체,공공위원장,2026-01-01,,
박영희,행복종합사회복지관,부장,"coordinator,staff",,,,,,,4567
`;
    expect(counts(await run(members))).toEqual(['members', 3, 0, 0]);
    expect(await h.say('/member show 이동장')).toContain('모라3동지역사회보장협의체 공공위원장 (2026-01-01~2027-12-31)');
    expect(await h.db.chatIdentity.count({ where: { platform: 'slack', userId: 'U0KIM' } })).toBe(1);
    expect(await h.db.auditLog.count({ where: { action: 'member.import' } })).toBe(3);
  });

  it('reports every bad row with its line number and writes nothing', async () => {
    await run(ORGS);
    const problems = await expectRejected(`이름,소속,역할,업무전화,이메일,협의체,위원구분
김민수,모라3동행정복지센터,staff,051-310-1234,,,
박영희,없는복지관,boss,,,,
최위원,,,전화,kim@,행복종합사회복지관,회장
`);
    expect(problems).toEqual([
      '3행: 소속 "없는복지관"이(가) 등록되어 있지 않습니다. 조직 CSV를 먼저 가져오세요.',
      '3행: 알 수 없는 역할이 있습니다. 쓸 수 있는 역할: 관리자(admin), 코디네이터(coordinator), 기관장(head: 동장·관장), 실무자(staff). 여러 개는 쉼표로. 예: /member role 김민수 코디네이터,기관장',
      '4행: `phone`에는 업무용 전화번호를 숫자와 -로 적어 주세요. 아무것도 저장되지 않았습니다. 예: phone=051-123-4567',
      '4행: `email` 형식이 올바르지 않습니다. 아무것도 저장되지 않았습니다. 예: email=kim@welfare.or.kr',
      '4행: 협의체 "행복종합사회복지관"이(가) 등록된 보장협의체가 아닙니다.',
      '4행: 위원구분 "회장"을(를) 알 수 없습니다 (공공위원장, 민간위원장, 위원).',
    ]);
  });

  it('rejects unknown kinds and duplicates within the file; a registered name is the same organisation', async () => {
    await run('이름,종류\n행복종합사회복지관,사회복지관\n');
    const problems = await expectRejected('이름,종류\n새복지관,병원\n행복종합사회복지관,복지관\n둘,기타\n둘,기타\n');
    expect(problems).toEqual([
      '2행: 종류 "병원"을(를) 알 수 없습니다 (사회복지관, 행정복지센터, 보장협의체, 희망복지지원단, 기타).',
      '5행: 둘이(가) 4행과 겹칩니다.',
    ]);
    expect(counts(await run('이름,종류\n행복종합사회복지관,복지관\n'))).toEqual(['organizations', 0, 0, 1]);
  });

  it('rejects a malformed CSV and a missing name column; skips unknown columns with a note', async () => {
    expect((await expectRejected('이름,종류\n"행복,사회복지관\n'))[0]).toMatch(/^2행: CSV 파일을 읽을 수 없습니다: Quote Not Closed\./);
    // The parser's own message quotes the cell it stopped at; the report does not.
    const quote = await expectRejected('이름,종류\n행복 900101-1234567 "복지관",사회복지관\n');
    expect(quote).toEqual(['2행: CSV 파일을 읽을 수 없습니다: Invalid Opening Quote. UTF-8 CSV로 저장했는지 확인하세요.']);
    expect((await run('이름,별명\n김,민\n')).notes).toEqual(['알 수 없는 열은 건너뛰었습니다: 별명']);
    expect((await expectRejected('소속,직위\n가,나\n'))[0]).toBe('첫 줄(머리글)에 이름(name) 열이 없습니다. 예: 이름,소속,직위,역할');
    expect((await expectRejected('이름,종류\n가,기타,여분\n'))[0]).toMatch(/^2행: CSV 파일을 읽을 수 없습니다: Invalid Record Length/);
  });

  it('refuses a file that carries a resident registration number', async () => {
    await run(ORGS);
    const problems = await expectRejected('이름,소속,직위\n김민수,모라3동행정복지센터,900101-1234567\n');
    expect(problems[0]).toMatch(/^2행: `직위`에 주민등록번호처럼 보이는 값/);
    expect(problems.join()).not.toContain('900101');
  });

  it('refuses an identifier split over two cells, or in a header the report would list as ignored', async () => {
    await run(ORGS);
    expect(await expectRejected('이름,소속,직위,메모\n김민수,모라3동행정복지센터,900101-,1234567\n')).toEqual([
      expect.stringMatching(/^2행: 입력에 주민등록번호처럼 보이는 값/),
    ]);
    const header = await expectRejected('이름,소속,010-9876-5432\n김민수,모라3동행정복지센터,\n');
    expect(header).toEqual([expect.stringMatching(/^1행: `머리글`에 개인 휴대전화 번호처럼 보이는 값/)]);
    expect(header.join()).not.toContain('9876');
  });
});
