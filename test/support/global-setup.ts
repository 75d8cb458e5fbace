// Migrates one template database per test run; each test copies it, which is
// far cheaper than running the migrations again (see harness.ts).
import { mkdirSync, rmSync } from 'node:fs';
import { migrate } from '../../src/db/migrator.ts';
import { TEMPLATE_DB, TEST_TMP } from './paths.ts';

export default async function setup(): Promise<() => void> {
  rmSync(TEST_TMP, { recursive: true, force: true });
  mkdirSync(TEST_TMP, { recursive: true });
  await migrate(`file:${TEMPLATE_DB}`);
  return () => rmSync(TEST_TMP, { recursive: true, force: true });
}
