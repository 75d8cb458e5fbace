import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { pendingSchemaChange, schemaPath } from '../../src/db/migrator.ts';

describe('migrations', () => {
  it('the committed migrations produce exactly prisma/schema.prisma (no drift)', async () => {
    expect(await pendingSchemaChange()).toBe('');
  });

  it('a schema change that has no migration is reported as drift', async () => {
    const schema = await readFile(schemaPath, 'utf8');
    const changed = schema.replace('  position  String?\n', '  position  String?\n  nickname  String?\n');
    expect(changed).not.toBe(schema);
    expect(await pendingSchemaChange(changed)).toMatch(/ALTER TABLE "Member" ADD COLUMN "nickname" TEXT/);
  });
});
