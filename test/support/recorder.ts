// Shared by the fake servers: a list of what arrived that a test can await,
// and reading a request body.
import type { IncomingMessage } from 'node:http';

/** A list that can be awaited for an item matching a predicate. */
export class Recorder<T> {
  readonly items: T[] = [];
  private waiters: { match: (item: T) => boolean; resolve: (item: T) => void }[] = [];

  constructor(private readonly owner: string) {}

  push(item: T): void {
    this.items.push(item);
    for (const w of [...this.waiters]) {
      if (w.match(item)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(item);
      }
    }
  }

  waitFor(match: (item: T) => boolean, timeoutMs: number, what: () => string): Promise<T> {
    const found = this.items.find(match);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const waiter = {
        match,
        resolve: (item: T) => {
          clearTimeout(timer);
          resolve(item);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`${this.owner}: timed out after ${timeoutMs} ms waiting for ${what()}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  clear(): void {
    this.items.length = 0;
  }
}

export async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Closes a fake server: WebSocket clients first (terminated), then HTTP. */
export async function closeServer(
  server: import('node:http').Server,
  wss: { close(cb: () => void): void },
  sockets: Set<{ terminate(): void }>,
): Promise<void> {
  for (const ws of sockets) ws.terminate();
  sockets.clear();
  await new Promise<void>((resolve) => wss.close(() => resolve()));
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
