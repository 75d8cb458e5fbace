// The one HTTP listener on HOST:PORT (Fastify: routing and body limits now,
// cookies and security headers for the web pages later). Each adapter mounts
// its paths (ChatAdapter.routes); every body reaches its handler as the bytes
// that were sent, so signature checks (Slack, NAVER WORKS) run on them.
//   GET /healthz  200 while the process serves
//   GET /readyz   200 when every readiness check passes, 503 naming those that fail
import Fastify, { type FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { HttpConfig } from './config.ts';
import type { HttpRoute } from './core/adapter.ts';

/** Named checks for /readyz (the database, each configured adapter): true when ready. */
export type Readiness = () => Promise<Record<string, boolean>>;

/** What a path without its own limit accepts (the probes take no body). */
const DEFAULT_BODY_LIMIT = 64 * 1024;

export class HttpListener {
  #server: FastifyInstance | undefined;

  constructor(
    private readonly config: HttpConfig,
    private readonly logger: Logger,
    private readonly readiness: Readiness,
  ) {}

  /** The port listened on (after start; useful with PORT=0). */
  get port(): number | undefined {
    const address = this.#server?.server.address() as AddressInfo | null | undefined;
    return address?.port;
  }

  async start(routes: HttpRoute[]): Promise<void> {
    const server = Fastify({ bodyLimit: DEFAULT_BODY_LIMIT, requestTimeout: 10_000, connectionTimeout: 10_000, return503OnClosing: true });
    // Bytes, whatever the content type: the route decides how to read them.
    server.removeAllContentTypeParsers();
    server.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    server.get('/healthz', async () => ({ status: 'ok' }));
    server.get('/readyz', async (_request, reply) => {
      const checks = await this.readiness();
      const failing = Object.keys(checks).filter((name) => !checks[name]);
      return reply.code(failing.length ? 503 : 200).send(failing.length ? { status: 'not ready', failing } : { status: 'ready' });
    });
    for (const route of routes) {
      server.route({
        method: route.method,
        url: route.path,
        bodyLimit: route.bodyLimit,
        handler: async (request, reply) => {
          // The adapter writes the answer itself (Bolt's listener does).
          reply.hijack();
          const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
          try {
            await route.handle(request.raw, reply.raw, body);
          } catch (error) {
            this.logger.error({ err: error, path: route.path }, 'http: request failed');
            if (!reply.raw.headersSent) reply.raw.writeHead(500);
            reply.raw.end();
          }
        },
      });
    }
    await server.listen({ port: this.config.port, host: this.config.host });
    this.#server = server;
    this.logger.info({ host: this.config.host, port: this.port, paths: routes.map((r) => `${r.method} ${r.path}`) }, 'http: listening');
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    await server?.close();
  }
}
