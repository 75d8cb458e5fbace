// Runs the migrations in a short-lived child process. The WebAssembly schema
// engine takes ~60 MB that a process cannot give back once loaded; keeping it
// out of the long-running bot keeps the bot's memory small.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { compiled, projectRoot } from '../paths.ts';
import { databaseUpToDate } from './up-to-date.ts';

export async function migrateInChildProcess(databaseUrl: string): Promise<void> {
  if (await databaseUpToDate(databaseUrl)) return;
  return runMigrationChild(databaseUrl);
}

function runMigrationChild(databaseUrl: string): Promise<void> {
  const args = compiled
    ? [join(projectRoot, 'dist', 'scripts', 'db.js'), 'migrate']
    : ['--import', 'tsx', join(projectRoot, 'scripts', 'db.ts'), 'migrate'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      // Its report goes to stderr: stdout belongs to the console's replies.
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`migrations failed (exit ${code}):\n${output}`));
    });
  });
}
