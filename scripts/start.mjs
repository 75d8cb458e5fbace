// `npm start`: compiles src/ to dist/ only when a source changed since the last
// build, then runs dist/src/main.js in this same process (no second node).
// `npm run build` (this script with --build) always compiles.
// Plain JavaScript on purpose: it must run before anything is compiled.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = join(root, 'dist');
const entry = join(dist, 'src', 'main.js');
/** Written after each build, dated when that build started. */
const stamp = join(dist, '.build-stamp');
/** What the build reads: a change to any of these (or a file added, removed or renamed in the folders) means a rebuild. */
const SOURCE_DIRS = ['src', 'commands', 'scripts'];
const SOURCE_FILES = ['prisma/schema.prisma', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

/** The newest modification time among the sources (folders too: deleting a file changes its folder). */
function newestSource() {
  let newest = 0;
  const see = (path) => {
    const mtime = statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (mtime > newest) newest = mtime;
  };
  for (const file of SOURCE_FILES) see(join(root, file));
  for (const dir of SOURCE_DIRS) {
    see(join(root, dir));
    for (const entry of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
      see(join(entry.parentPath ?? entry.path, entry.name));
    }
  }
  return newest;
}

function upToDate() {
  const built = statSync(stamp, { throwIfNoEntry: false })?.mtimeMs;
  return built !== undefined && existsSync(entry) && newestSource() <= built;
}

function build() {
  const started = new Date();
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    process.stderr.write('npm start compiles the TypeScript first: install the dev dependencies too (npm ci, without --omit=dev).\n');
    process.exit(1);
  }
  // The compiler's messages go to stderr: stdout carries the console's replies.
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--noCheck'], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (result.status !== 0) {
    process.stderr.write(`build failed (tsc exit ${result.status ?? result.signal})\n`);
    process.exit(result.status || 1);
  }
  mkdirSync(dist, { recursive: true });
  writeFileSync(stamp, `${started.toISOString()}\n`);
  // Dated at the start, so a source saved during the build triggers the next one.
  utimesSync(stamp, started, started);
}

if (process.argv.includes('--build')) build();
else {
  if (!upToDate()) build();
  await import(pathToFileURL(entry).href);
}
