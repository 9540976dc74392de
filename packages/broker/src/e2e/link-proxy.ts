/**
 * A loopback TCP proxy standing for one network link, for fault injection: it accepts on
 * its own port and forwards bytes both ways to a target port, until it is cut.
 *
 * - `cut('refuse')`: every open connection is reset and new ones are closed as soon as
 *   they are accepted (a peer that is down, or a firewall answering with RST): the
 *   sender learns of it at once.
 * - `cut('drop')`: bytes are swallowed in both directions, open connections stay open and
 *   new ones are accepted but never forwarded (a black hole): the sender learns of it
 *   only from its own timeouts, as on a real partition.
 * - `heal()`: forwards again for new connections; connections open while dropping are
 *   closed (their streams lost bytes, so they cannot carry on).
 *
 * A proxy knows its destination only: it cannot tell one sender from another, so cutting
 * it cuts every sender that goes through it. Not a test file.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

export type CutMode = 'refuse' | 'drop';

interface Link {
  client: Socket;
  upstream: Socket | null;
}

export class LinkProxy {
  private mode: 'open' | CutMode = 'open';
  private readonly links = new Set<Link>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
    readonly targetPort: number,
    readonly label: string,
  ) {
    server.on('connection', (socket) => this.accept(socket));
  }

  /** Listens on a free loopback port and forwards to `targetPort` on loopback. */
  static start(targetPort: number, label: string): Promise<LinkProxy> {
    return new Promise((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        const address = server.address();
        const port = typeof address === 'object' && address !== null ? address.port : 0;
        resolve(new LinkProxy(server, port, targetPort, label));
      });
    });
  }

  get state(): 'open' | CutMode {
    return this.mode;
  }

  cut(mode: CutMode): void {
    this.mode = mode;
    for (const link of this.links) {
      if (mode === 'refuse') this.end(link);
      else this.blackhole(link);
    }
  }

  heal(): void {
    if (this.mode === 'open') return;
    this.mode = 'open';
    for (const link of this.links) this.end(link);
  }

  /** Stops listening and closes every connection. */
  close(): Promise<void> {
    for (const link of this.links) this.end(link);
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    client.on('error', () => undefined);
    if (this.mode === 'refuse') {
      client.resetAndDestroy();
      return;
    }
    const link: Link = { client, upstream: null };
    this.links.add(link);
    client.once('close', () => this.end(link));
    if (this.mode === 'drop') {
      this.blackhole(link);
      return;
    }
    const upstream = connect({ port: this.targetPort, host: '127.0.0.1', noDelay: true });
    link.upstream = upstream;
    upstream.on('error', () => undefined);
    // While dropping, the sender must not learn that the destination went away.
    upstream.once('close', () => {
      if (this.mode !== 'drop') this.end(link);
    });
    client.setNoDelay(true);
    client.pipe(upstream);
    upstream.pipe(client);
  }

  /** Swallows whatever either side sends from now on; nothing is closed. */
  private blackhole(link: Link): void {
    const { client, upstream } = link;
    if (upstream !== null) {
      client.unpipe(upstream);
      upstream.unpipe(client);
      upstream.removeAllListeners('data');
      upstream.on('data', () => undefined);
      upstream.resume();
    }
    client.removeAllListeners('data');
    client.on('data', () => undefined);
    client.resume();
  }

  private end(link: Link): void {
    if (!this.links.delete(link)) return;
    if (link.client.destroyed === false) link.client.resetAndDestroy();
    if (link.upstream !== null && link.upstream.destroyed === false) link.upstream.resetAndDestroy();
  }
}
