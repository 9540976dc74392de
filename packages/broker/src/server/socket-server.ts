/**
 * The listeners: one TCP server per configured listener, their connections, and the
 * reaper that closes connections idle for longer than `connections.max.idle.ms`.
 */
import type { AddressInfo, Server, Socket } from 'node:net';
import { createServer } from 'node:net';
import type { Logger } from 'pino';
import type { ConnectionLimits, FrameHandler } from './connection.js';
import { Connection } from './connection.js';
import type { MemoryPool } from './memory-pool.js';

export interface ListenerSpec {
  name: string;
  /** Empty for all interfaces. */
  host: string;
  port: number;
}

export interface BoundListener extends ListenerSpec {
  /** The port actually bound (differs from `port` when it was 0). */
  boundPort: number;
}

export interface SocketServerOptions {
  listeners: readonly ListenerSpec[];
  limits: ConnectionLimits;
  /** connections.max.idle.ms */
  idleMs: number;
  /** max.connections */
  maxConnections: number;
  pool: MemoryPool;
  handler: FrameHandler;
  logger: Logger;
  now?: () => number;
}

export class SocketServer {
  private readonly servers: Server[] = [];
  private readonly connections = new Set<Connection>();
  private reaper: NodeJS.Timeout | null = null;
  readonly bound: BoundListener[] = [];
  private readonly now: () => number;

  constructor(private readonly opts: SocketServerOptions) {
    this.now = opts.now ?? Date.now;
  }

  async start(): Promise<BoundListener[]> {
    for (const spec of this.opts.listeners) {
      const server = createServer({ noDelay: true, pauseOnConnect: false }, (socket) => this.accept(socket, spec.name));
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen({ port: spec.port, host: spec.host === '' ? undefined : spec.host, exclusive: true }, () => {
          server.off('error', reject);
          resolve();
        });
      });
      server.on('error', (e) => this.opts.logger.error({ err: e, listener: spec.name }, 'listener error'));
      this.servers.push(server);
      this.bound.push({ ...spec, boundPort: (server.address() as AddressInfo).port });
    }
    const interval = Math.max(100, Math.min(this.opts.idleMs / 2, 10_000));
    this.reaper = setInterval(() => this.reapIdle(), interval);
    this.reaper.unref();
    return this.bound;
  }

  private accept(socket: Socket, listenerName: string): void {
    if (this.connections.size >= this.opts.maxConnections) {
      this.opts.logger.warn(
        { remote: socket.remoteAddress, limit: this.opts.maxConnections },
        'refusing a connection: max.connections reached',
      );
      socket.destroy();
      return;
    }
    const logger = this.opts.logger;
    const connection = new Connection(
      socket,
      listenerName,
      this.opts.pool,
      this.opts.limits,
      this.opts.handler,
      {
        onClose: (c) => this.connections.delete(c),
        onProtocolError: (c, message) => logger.warn({ connection: c.id }, `closing connection: ${message}`),
        onHandlerError: (c, error) =>
          logger.error({ connection: c.id, err: error }, 'request handler failed; closing connection'),
      },
      this.now,
    );
    this.connections.add(connection);
  }

  /** Closes connections that have been idle (nothing in flight) for too long. */
  reapIdle(): void {
    const now = this.now();
    for (const c of this.connections) {
      if (c.inFlight === 0 && now - c.lastActiveMs > this.opts.idleMs) {
        this.opts.logger.debug({ connection: c.id }, 'closing idle connection (connections.max.idle.ms)');
        c.destroy();
      }
    }
  }

  /** Stops accepting, then closes every connection. */
  async stop(): Promise<void> {
    if (this.reaper !== null) clearInterval(this.reaper);
    this.reaper = null;
    const closing = this.servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve())));
    for (const c of this.connections) c.destroy();
    await Promise.all(closing);
    this.servers.length = 0;
  }
}
