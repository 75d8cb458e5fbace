// The write-time guard (src/db/write-guard.ts) and its declaration table
// (src/db/text-columns.ts): the table covers exactly the String columns and
// relations of prisma/schema.prisma, and a write that bypasses the commands,
// straight through the app's client, is refused with the Korean UserError
// while nothing is written — on SQLite and, with TEST_POSTGRES_URL, on
// PostgreSQL. On SQLite the database file and its WAL are searched for the
// refused digits.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.ts';
import { translator } from '../../src/core/i18n/index.ts';
import { refusalText } from '../../src/core/privacy/index.ts';
import { sqliteFilePath } from '../../src/db/adapter.ts';
import { TEXT_COLUMNS, type ColumnDecl } from '../../src/db/text-columns.ts';
import { ImportError } from '../../src/features/directory/import.ts';
import { importTransfers } from '../../src/features/transfers/import.ts';
import { projectRoot } from '../../src/paths.ts';
import { rowCounts } from '../support/db-snapshot.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { onPostgres } from '../support/paths.ts';

const RRN = '900101-1234567';
const MOBILE = '010-1234-5678';
const ADDRESS = '부산시 사하구 낙동대로 123번길 4, 101동 202호';

/** Model -> its String columns and its relation fields, read from the schema text. */
function schemaFields(): Map<string, { strings: Set<string>; relations: Map<string, string> }> {
  // Comments first: a doc comment may hold braces (a regular expression's {4}).
  const schema = readFileSync(join(projectRoot, 'prisma', 'schema.prisma'), 'utf8').replace(/\/\/.*$/gm, '');
  const blocks = [...schema.matchAll(/^model\s+(\w+)\s*\{([^}]*)\}/gm)];
  const models = new Set(blocks.map((m) => m[1]));
  const out = new Map<string, { strings: Set<string>; relations: Map<string, string> }>();
  for (const [, model, body] of blocks) {
    const fields = { strings: new Set<string>(), relations: new Map<string, string>() };
    for (const line of body.split('\n')) {
      const field = /^\s*(\w+)\s+(\w+)/.exec(line);
      if (!field) continue;
      const [, name, type] = field;
      if (type === 'String') fields.strings.add(name);
      else if (models.has(type)) fields.relations.set(name, type);
    }
    out.set(model, fields);
  }
  return out;
}

describe('the declaration of text columns', () => {
  const schema = schemaFields();

  it('reads the schema (the parser finds what we know is there)', () => {
    expect(schema.get('Member')?.strings).toContain('position');
    expect(schema.get('Member')?.relations.get('roles')).toBe('MemberRole');
    expect(schema.size).toBeGreaterThan(25);
  });

  it('declares every String column and every relation of every model, and nothing else', () => {
    const missing: string[] = [];
    const unknown: string[] = [];
    const wrongRelation: string[] = [];
    for (const [model, { strings, relations }] of schema) {
      const declared: Record<string, ColumnDecl> = TEXT_COLUMNS[model as keyof typeof TEXT_COLUMNS] ?? {};
      const relationOf = (name: string) => {
        const decl = declared[name];
        return typeof decl === 'object' && 'relation' in decl ? decl.relation : undefined;
      };
      for (const column of strings) if (declared[column] === undefined || relationOf(column)) missing.push(`${model}.${column}`);
      for (const [name, target] of relations) if (relationOf(name) !== target) wrongRelation.push(`${model}.${name} -> ${target}`);
      for (const name of Object.keys(declared)) if (!strings.has(name) && !relations.has(name)) unknown.push(`${model}.${name}`);
    }
    for (const model of Object.keys(TEXT_COLUMNS)) if (!schema.has(model)) unknown.push(model);
    expect({ missing, wrongRelation, unknown }).toEqual({ missing: [], wrongRelation: [], unknown: [] });
  });
});

describe('a write that bypasses the commands', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
    await h.run('/org add 사회복지관 행복종합사회복지관 dong=모라3동', '/member add 김민수 org=행복종합사회복지관 position=사회복지사');
  });
  afterEach(() => h.close());

  /** Runs a write that must be refused: the UserError names the column and the kind, and no table changed. */
  async function refused(write: () => Promise<unknown>, option: string, what: string) {
    const before = await rowCounts(h.db);
    const error = await write().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).key).toBe('error.identifierInField');
    expect((error as UserError).params).toEqual({ option, what });
    expect(await rowCounts(h.db)).toEqual(before);
  }

  it('refuses an RRN and a mobile number in free columns (create, update, { set })', async () => {
    await refused(() => h.db.member.create({ data: { name: '이영희', position: RRN } }), 'position', 'pii.rrn');
    const member = await h.db.member.findFirstOrThrow({ where: { name: '김민수' } });
    await refused(() => h.db.member.update({ where: { id: member.id }, data: { position: MOBILE } }), 'position', 'pii.phone');
    await refused(() => h.db.member.updateMany({ data: { position: { set: RRN } } }), 'position', 'pii.rrn');
    await refused(
      () =>
        h.db.closure.createMany({
          data: [
            { date: '2026-12-24', name: '휴관', createdAt: h.clock.now() },
            { date: '2026-12-26', name: RRN, createdAt: h.clock.now() },
          ],
        }),
      'name',
      'pii.rrn',
    );
    expect((await h.db.member.findUniqueOrThrow({ where: { id: member.id } })).position).toBe('사회복지사');
  });

  it('refuses an address in a case column (create and upsert)', async () => {
    await refused(
      () =>
        h.db.caseSettings.upsert({
          where: { sigungu: '사하구' },
          create: { sigungu: '사하구', codePattern: '^\\d{4}$', codeExample: ADDRESS },
          update: { codeExample: ADDRESS },
        }),
      'codeExample',
      'pii.address',
    );
    await refused(
      () => h.db.agendaItem.create({
        data: {
          agendaId: 1,
          orgId: 1,
          caseCode: '2026-001',
          stage: 'intake',
          type: 'general',
          risk: '고',
          needs: '돌봄',
          summary: ADDRESS,
          createdAt: h.clock.now(),
          updatedAt: h.clock.now(),
        },
      }),
      'summary',
      'pii.address',
    );
  });

  it('refuses nested writes: create, connectOrCreate, upsert and updateMany through a relation', async () => {
    const member = await h.db.member.findFirstOrThrow({ where: { name: '김민수' } });
    const org = await h.db.organization.findFirstOrThrow();
    await refused(
      () => h.db.organization.create({ data: { name: '새복지관', kind: 'partner', members: { create: [{ name: '박지영', position: RRN }] } } }),
      'position',
      'pii.rrn',
    );
    await refused(
      () => h.db.member.update({
        where: { id: member.id },
        data: { org: { connectOrCreate: { where: { name: '새복지관' }, create: { name: '새복지관', kind: 'partner', sigungu: MOBILE } } } },
      }),
      'sigungu',
      'pii.phone',
    );
    await refused(
      () =>
        h.db.organization.update({ where: { id: org.id }, data: { members: { updateMany: { where: {}, data: { position: RRN } } } } }),
      'position',
      'pii.rrn',
    );
    await refused(
      () =>
        h.db.member.update({
          where: { id: member.id },
          data: { org: { upsert: { create: { name: '새복지관', kind: 'partner' }, update: { dong: MOBILE } } } },
        }),
      'dong',
      'pii.phone',
    );
  });

  it('rolls back the transaction the refused write was part of', async () => {
    await refused(
      () => h.db.$transaction(async (tx) => {
        await tx.closure.create({ data: { date: '2026-12-24', name: '휴관', createdAt: h.clock.now() } });
        await tx.meetupChange.updateMany({ data: { place: MOBILE } });
      }),
      'place',
      'pii.phone',
    );
  });

  it('lets legitimate text through: a work mobile in phone, a line with a landline in a free column', async () => {
    const member = await h.db.member.findFirstOrThrow({ where: { name: '김민수' } });
    await h.db.member.update({ where: { id: member.id }, data: { phone: MOBILE, position: '팀장 (051-123-4567)' } });
    expect((await h.db.member.findUniqueOrThrow({ where: { id: member.id } })).phone).toBe(MOBILE);
  });

  it('ends a path without its own check (the reshuffle import) in a Korean refusal that does not repeat the digits', async () => {
    await h.say('/org add 행정복지센터 모라1동행정복지센터 dong=모라1동');
    const before = await rowCounts(h.db);
    const admin = h.app.context({
      name: 'csv-import',
      roles: new Set(['admin']),
      locale: 'ko',
      platform: 'console',
      platformUserId: 'csv-import',
    });
    const csv = `이름,발령일,전입기관,직위,구분,후임,직무대리,비고\n김민수,2027-01-01,모라1동행정복지센터,주무관,,,,${RRN}\n`;
    const error = await importTransfers(admin, csv).then(
      () => undefined,
      (e: unknown) => e,
    );
    // Refused by the import's own check (ImportError) once it has one, else by the write guard (UserError).
    const message =
      error instanceof UserError
        ? refusalText(translator('ko'), error)
        : error instanceof ImportError
          ? error.problems.join('\n')
          : String(error);
    expect(message).toMatch(/주민등록번호/);
    expect(message).not.toMatch(/900101|1234567/);
    expect(await rowCounts(h.db)).toEqual(before);
  });

  it.skipIf(onPostgres)('leaves none of the refused digits in the database file or its WAL', async () => {
    const file = sqliteFilePath(h.databaseUrl)!;
    const bytes = () => Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
    const member = await h.db.member.findFirstOrThrow({ where: { name: '김민수' } });
    // The search can fail: an accepted work mobile is found.
    await h.db.member.update({ where: { id: member.id }, data: { phone: '010-9876-5432' } });
    expect(bytes().includes('9876-5432')).toBe(true);

    const position = `${RRN} ${MOBILE.replace(/-/g, '')}`;
    await expect(h.db.member.update({ where: { id: member.id }, data: { position } })).rejects.toBeInstanceOf(UserError);
    await expect(h.db.member.create({ data: { name: '이영희', position: RRN.replace('-', '') } })).rejects.toBeInstanceOf(UserError);
    const stored = bytes();
    for (const digits of ['900101', '1234567', '01012345678', '12345678']) expect(stored.includes(digits), digits).toBe(false);
  });
});
