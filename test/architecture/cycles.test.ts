// The import check (npm run check:cycles, .dependency-cruiser.cjs) passes on
// the tree and fails on a copy of it with planted breaches, naming the files.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_TMP } from '../support/paths.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CRUISER = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const CONFIGS = ['.dependency-cruiser.cjs', '.dependency-cruiser-features.cjs'];

/** What `npm run check:cycles` runs, in `cwd`: the whole tree, then the features' folders. */
function check(cwd: string) {
  const runs = CONFIGS.map((config) =>
    spawnSync(process.execPath, [CRUISER, '--config', config, '--output-type', 'err', '.'], { cwd, encoding: 'utf8' }),
  );
  return { status: Math.max(...runs.map((run) => run.status ?? 1)), output: runs.map((run) => run.stdout + run.stderr).join('\n') };
}

mkdirSync(TEST_TMP, { recursive: true });
const copy = mkdtempSync(join(TEST_TMP, 'cycles-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('the import check', () => {
  it('passes on the tree as it is', () => {
    const { status, output } = check(ROOT);
    expect(output.match(/no dependency violations found/g)).toHaveLength(CONFIGS.length);
    expect(status).toBe(0);
  }, 60_000);

  it('fails on planted cycles and layer breaches, naming the files', () => {
    // src/ without the generated client (its imports then stay unresolved, which the rules allow).
    cpSync(join(ROOT, 'src'), join(copy, 'src'), { recursive: true, filter: (path) => !path.includes('/src/generated') });
    for (const file of [...CONFIGS, 'tsconfig.json', 'package.json']) cpSync(join(ROOT, file), join(copy, file));
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
    // Two new files importing each other.
    writeFileSync(join(copy, 'src/core/ping.ts'), "import { pong } from './pong.ts';\nexport const ping = () => pong();\n");
    writeFileSync(
      join(copy, 'src/core/pong.ts'),
      "import type { ping } from './ping.ts';\nexport const pong = (): ReturnType<typeof ping> | undefined => undefined;\n",
    );
    // A rules.ts reaching back into its service (which imports it).
    appendFileSync(
      join(copy, 'src/features/polls/rules.ts'),
      "import type { PollInput } from './service.ts';\nexport type Planted = PollInput;\n",
    );
    // The directory reaching into polls, which imports the directory.
    appendFileSync(join(copy, 'src/features/directory/rules.ts'), "export type { QuorumRule } from '../polls/rules.ts';\n");
    // A feature importing an adapter and a chat library; an adapter importing a feature.
    appendFileSync(
      join(copy, 'src/features/meetups/cards.ts'),
      "export type { Client } from 'discord.js';\nexport { renderCard } from '../../adapters/console/render.ts';\n",
    );
    appendFileSync(join(copy, 'src/adapters/console/render.ts'), "export type { Series } from '../../features/meetups/model.ts';\n");
    // commands/ counts once it exists.
    mkdirSync(join(copy, 'commands'));
    writeFileSync(join(copy, 'commands/a.ts'), "import { b } from './b.ts';\nexport const a = () => b;\n");
    writeFileSync(join(copy, 'commands/b.ts'), "import { a } from './a.ts';\nexport const b = () => a;\n");

    const { status, output } = check(copy);
    expect(status).not.toBe(0);
    // One entry per violation: `error <rule>: <from> → <to> …`.
    const entries = output.split(/^\s*error /m).slice(1);
    const named = (rule: string, ...files: string[]) =>
      expect(
        entries.some((entry) => entry.startsWith(`${rule}:`) && files.every((file) => entry.includes(file))),
        `${rule}: ${files.join(', ')}\n${output}`,
      ).toBe(true);
    named('no-circular', 'src/core/ping.ts', 'src/core/pong.ts');
    named('no-circular', 'src/features/polls/rules.ts', 'src/features/polls/service.ts');
    named('no-circular', 'commands/a.ts', 'commands/b.ts');
    named('no-feature-circular', 'src/features/directory', 'src/features/polls');
    named('rules-are-pure', 'src/features/polls/rules.ts', 'src/features/polls/service.ts');
    named('feature-not-to-adapter', 'src/features/meetups/cards.ts', 'discord.js');
    named('feature-not-to-adapter', 'src/features/meetups/cards.ts', 'src/adapters/console/render.ts');
    named('adapter-not-to-feature-or-db', 'src/adapters/console/render.ts', 'src/features/meetups/model.ts');
  }, 60_000);
});
