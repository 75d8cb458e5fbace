// Import as an update: which record a row is (번호, else name and
// organisation, else name and e-mail), what changes, and every refusal
// writing nothing. Also the export commands' refusals.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/core/command.ts';
import { decodeCsv, importCsv, ImportError } from '../../../src/features/directory/import.ts';
import { translator } from '../../../src/core/i18n/index.ts';
import { rowCounts } from '../../support/db-snapshot.ts';
import { createHarness, type Harness } from '../../support/harness.ts';
import { encodeCp949 } from './csv-support.ts';

let h: Harness;
const actor: Actor = { name: 'csv-import', roles: new Set(), locale: 'ko', platform: 'console', platformUserId: 'csv-import' };
const run = (csv: string | Uint8Array, dryRun = false) => importCsv({ db: h.db, clock: h.clock, actor }, csv, { dryRun });

async function expectRejected(csv: string | Uint8Array): Promise<string[]> {
  const before = await rowCounts(h.db);
  const seats = await h.db.councilSeat.findMany();
  const error = await run(csv).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  expect(await rowCounts(h.db)).toEqual(before);
  expect(await h.db.councilSeat.findMany()).toEqual(seats);
  return (error as ImportError).problems;
}

beforeEach(async () => {
  h = await createHarness(); // 2026-11-25 10:00 KST
  await run(`이름,종류
모라3동행정복지센터,행정복지센터
행복종합사회복지관,사회복지관
모라3동지역사회보장협의체,보장협의체
`);
  await run(`이름,소속,직위,역할,이메일,협의체,위원구분,임기시작
홍길동,모라3동행정복지센터,주무관,실무자,hong@korea.kr,,,
홍길동,행복종합사회복지관,팀장,실무자,hong@happy.or.kr,,,
이동장,모라3동행정복지센터,동장,기관장,,모라3동지역사회보장협의체,공공위원장,2026-01-01
`);
});
afterEach(() => h.close());

describe('import matches rows to records', () => {
  it('by 번호: renames, changes only the columns given, Korean and English roles', async () => {
    const result = await run('번호,이름,역할\n1,홍 길동,Coordinator\n3,이동장,"기관장, 코디네이터"\n');
    expect(result.changes).toEqual([
      '2행: 변경 #1 홍길동: 역할 실무자 → 코디네이터',
      '3행: 변경 #3 이동장: 역할 기관장 → 기관장, 코디네이터',
    ]);
    const m = await h.db.member.findUniqueOrThrow({ where: { id: 1 }, include: { roles: true } });
    // Spaces in a name are not a change; the position and e-mail were not in the file.
    expect([m.name, m.position, m.email, m.roles.map((r) => r.role)]).toEqual(['홍길동', '주무관', 'hong@korea.kr', ['coordinator']]);
    expect((await run('번호,이름\n1,홍길순\n')).changes).toEqual(['2행: 변경 #1 홍길동: 이름 홍길동 → 홍길순']);
  });

  it('by name and organisation; a move is found by name and e-mail; empty cells clear text columns', async () => {
    const result = await run(`이름,소속,직위,이메일
홍길동,모라3동행정복지센터,팀장,hong@korea.kr
홍길동,모라3동지역사회보장협의체,,hong@happy.or.kr
김새롬,행복종합사회복지관,,
`);
    expect(result.changes).toEqual([
      '2행: 변경 #1 홍길동: 직위 주무관 → 팀장',
      '3행: 변경 #2 홍길동: 소속 행복종합사회복지관 → 모라3동지역사회보장협의체, 직위 팀장 → (없음)',
      '4행: 추가 김새롬 (행복종합사회복지관)',
    ]);
    expect(result.summary).toBe('추가 1, 변경 2, 그대로 0');
  });

  it('the 상태 column retires and brings back; retiring ends running seats as /member retire does', async () => {
    const retired = await run('번호,상태\n3,퇴직\n');
    expect(retired.changes).toEqual(['2행: 변경 #3 이동장: 상태 재직 → 퇴직']);
    const seat = await h.db.councilSeat.findFirstOrThrow({ where: { memberId: 3 } });
    expect(seat.termTo?.toISOString()).toBe('2026-11-23T15:00:00.000Z'); // last day 2026-11-24 KST
    expect(await h.db.auditLog.count({ where: { action: 'member.import', target: 'member #3' } })).toBe(2);
    expect((await run('번호,상태\n3,active\n')).changes).toEqual(['2행: 변경 #3 이동장: 상태 퇴직 → 재직']);
  });

  it('a dry run reports the plan and writes nothing', async () => {
    const before = await rowCounts(h.db);
    const result = await run('번호,직위\n1,팀장\n', true);
    expect([result.dryRun, result.changes]).toEqual([true, ['2행: 변경 #1 홍길동: 직위 주무관 → 팀장']]);
    expect(await rowCounts(h.db)).toEqual(before);
    expect((await h.db.member.findUniqueOrThrow({ where: { id: 1 } })).position).toBe('주무관');
  });

  it('organisations: by 번호 (rename) or by name; a rename onto a taken name is refused', async () => {
    expect((await run('번호,이름,종류,읍면동\n1,모라3동 행정복지센터,주민센터,모라3동\n')).changes).toEqual([
      '2행: 변경 #1 모라3동행정복지센터: 읍면동 (없음) → 모라3동',
    ]);
    expect((await run('번호,이름,종류\n2,행복복지관,복지관\n')).changes).toEqual(['2행: 변경 #2 행복종합사회복지관: 이름 행복종합사회복지관 → 행복복지관']);
    expect(await expectRejected('번호,이름,종류\n2,모라3동행정복지센터,복지관\n')).toEqual(['2행: 모라3동행정복지센터은(는) 이미 등록되어 있습니다.']);
  });
});

describe('import refusals write nothing', () => {
  it.each([
    ['namesakes without an organisation column', '이름,직위\n홍길동,과장\n', '2행: "홍길동"이(가) 여럿입니다: #1 홍길동(모라3동행정복지센터·주무관), #2 홍길동(행복종합사회복지관·팀장). 번호 열에 어느 쪽인지 #번호를 적어 주세요 (내보낸 파일이나 /member list에 있습니다).'],
    ['two rows on one record', '번호,이름,소속,직위\n1,홍길동,모라3동행정복지센터,과장\n,홍길동,모라3동행정복지센터,팀장\n', '3행: #1 홍길동이(가) 2행에도 있습니다. 한 사람(조직)은 한 행에만 적어 주세요.'],
    ['an id that does not exist', '번호,이름\n99,누구\n', '2행: 구성원 #99이(가) 없습니다. 새로 넣는 행은 번호를 비워 두세요.'],
    ['an id that is not a number', '번호,이름\n가,누구\n', '2행: 번호 "가"은(는) 숫자여야 합니다. 내보낸 파일의 번호를 그대로 두고, 새로 넣는 행은 비워 두세요.'],
    ['an unknown status', '번호,상태\n1,정년\n', '2행: 상태 "정년"을(를) 알 수 없습니다 (재직, 퇴직, 휴직, 전출, 파견).'],
    ['a second public chair', '번호,협의체,위원구분,임기시작\n1,모라3동지역사회보장협의체,공공위원장,2026-06-01\n', '2행: 모라3동지역사회보장협의체의 공공위원장 자리는 같은 임기에 이동장 님이 맡고 있습니다. 한 사람의 임기를 먼저 끝내 주세요.'],
    ['a seat for someone retired in the same row', '번호,상태,협의체\n1,퇴직,모라3동지역사회보장협의체\n', '2행: 홍길동 님은 재직 중이 아니어서 협의체 자리를 새로 주거나 바꿀 수 없습니다. 상태를 재직으로 적거나 협의체 칸을 비워 두세요.'],
    ['a new organisation without a kind', '이름,종류\n새복지관,\n', '2행: 새 조직에는 종류가 필요합니다 (사회복지관, 행정복지센터, 보장협의체, 희망복지지원단, 기타).'],
    ['a council with seats made a welfare centre', '이름,종류\n모라3동지역사회보장협의체,복지관\n', '2행: 모라3동지역사회보장협의체에는 협의체 자리 1개가 있어 보장협의체가 아닌 종류로 바꿀 수 없습니다.'],
    ['a column twice', '이름,성명\n가,나\n', '이름 열이 두 번 있습니다. 하나만 남겨 주세요.'],
  ])('%s', async (_, csv, problem) => {
    expect(await expectRejected(csv)).toContain(problem);
  });

  it('a file with a bad row changes none of its good rows either', async () => {
    expect(await expectRejected('번호,직위\n1,과장\n2,팀장\n99,-\n')).toEqual(['4행: 구성원 #99이(가) 없습니다. 새로 넣는 행은 번호를 비워 두세요.']);
  });
});

describe('encodings', () => {
  const t = translator('ko');
  it('reads UTF-8 with or without a BOM and CP949 (noting it)', async () => {
    const text = '이름,소속\n김새롬,행복종합사회복지관\n';
    expect(decodeCsv(t, new TextEncoder().encode(`\uFEFF${text}`)).note).toBeUndefined();
    expect(decodeCsv(t, encodeCp949(text))).toEqual({ text, note: t('import.readCp949') });
    const result = await run(encodeCp949(text));
    expect([result.added, result.notes]).toEqual([1, [t('import.readCp949')]]);
  });

  it('refuses UTF-16, an Excel workbook and bytes that are not Korean text, with the CSV UTF-8 hint', async () => {
    const hint = t('import.encoding');
    expect(hint).toContain('CSV UTF-8(쉼표로 분리)');
    expect(await expectRejected(Uint8Array.from([0xff, 0xfe, 0x74, 0x00]))).toEqual([hint]);
    expect(await expectRejected(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toEqual([t('import.notCsv')]);
    // Latin-1 "café" is neither UTF-8 nor CP949.
    expect(await expectRejected(Uint8Array.from([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]))).toEqual([hint]);
    // Valid CP949 byte pairs that decode to rare symbols rather than Hangul.
    expect(await expectRejected(Uint8Array.from([0x6e, 0x0a, 0xa2, 0xa1, 0xa2, 0xa2, 0xa2, 0xa3, 0x0a]))).toEqual([hint]);
  });
});

describe('export commands', () => {
  it('organisations as CSV for coordinators and admins, privately; each export is audited', async () => {
    const out = await h.say('/org export');
    expect(out).toContain('조직 3건을 CSV로 만들었습니다');
    expect(out).toContain('\uFEFF번호,이름,종류,읍면동,시군구\r\n1,모라3동행정복지센터,행정복지센터,,\r\n');
    const byOrg = await h.say('/member export org=행복종합사회복지관');
    expect(byOrg).toContain('members-2.csv');
    expect(byOrg).toContain('2,홍길동,행복종합사회복지관,팀장,실무자,재직,,hong@happy.or.kr');
    expect(byOrg).not.toContain('hong@korea.kr');
    expect(await h.db.auditLog.count({ where: { action: 'directory.export' } })).toBe(2);
  });

  it.each([
    ['a head exports members', '@이동장 /member export', '역할만 쓸 수 있습니다'],
    ['a head exports organisations', '@이동장 /org export', '역할만 쓸 수 있습니다'],
    ['an unknown organisation', '/member export org=없는복지관', '그 이름이나 #번호의 조직을 찾을 수 없습니다'],
  ])('refused: %s, nothing written', async (_, line, message) => {
    await h.say('@이동장 /member me');
    await h.say('/member me');
    const before = await rowCounts(h.db);
    expect(await h.say(line)).toContain(message);
    expect(await rowCounts(h.db)).toEqual(before);
  });
});

describe('CSV import and the identifier guard', () => {
  it('a personal mobile number in a name or position, or an address, refuses the file with the line and the column, never the value', async () => {
    const h = await createHarness();
    try {
      await h.say('/org add 행정복지센터 모라3동행정복지센터');
      const before = await rowCounts(h.db);
      const csv = '이름,소속,직위\n홍길동 010-1234-5678,모라3동행정복지센터,주무관\n김민수,모라3동행정복지센터,"모라로 12 101동 1203호"\n';
      const error = await importCsv({ db: h.db, clock: h.clock, actor: { name: 't', roles: new Set(), locale: 'ko', platform: 'console', platformUserId: 't' } }, csv).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      const problems = (error as ImportError).problems;
      expect(problems[0]).toMatch(/^2행: `이름`에 개인 휴대전화 번호/);
      expect(problems[1]).toMatch(/^3행: `직위`에 .*주소/);
      expect(problems.join('\n')).not.toContain('1234-5678');
      expect(await rowCounts(h.db)).toEqual(before);
    } finally {
      await h.close();
    }
  });
});
