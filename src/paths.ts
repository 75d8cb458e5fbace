// Where things are, whether the bot runs from src/ (tsx, tests) or from the
// compiled dist/ (npm start).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'prisma', 'schema.prisma'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('project root (prisma/schema.prisma) not found');
    dir = parent;
  }
  return dir;
}

export const projectRoot = findProjectRoot();
/** True when this code was compiled to dist/ (module files end in .js). */
export const compiled = import.meta.url.endsWith('.js');
