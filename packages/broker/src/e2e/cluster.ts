/**
 * A real cluster for tests: N nodes, each a `gregor-broker` child process on loopback
 * with its own ports and log directory, all of them brokers and voters of the metadata
 * quorum (process.roles=broker,controller). Nodes can be killed (SIGKILL, SIGSTOP) and
 * restarted on the same directory and ports. Every process started is stopped by its
 * pid when the cluster is stopped, and a node never outlives the test process (it
 * exits when its stdin closes).
 *
 * Not a test file (the name does not match the runner's patterns).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUuid } from '@gregor/protocol';

const MAIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'main.js');

export interface ClusterNode {
  id: number;
  port: number;
  controllerPort: number;
  logDir: string;
  process: ChildProcess | null;
  /** Everything the node wrote to stdout and stderr (pino JSON lines). */
  output: string[];
}

/** A free loopback port (bound and released; the kernel will not hand it out again at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export class TestCluster {
  readonly nodes: ClusterNode[];
  /** Every node is formatted with this cluster id. */
  readonly clusterId = randomUuid();
  private readonly root: string;

  private constructor(
    nodes: ClusterNode[],
    root: string,
    private readonly properties: Record<string, string>,
  ) {
    this.nodes = nodes;
    this.root = root;
  }

  /** Starts `size` nodes and waits until every one is ready (registered and unfenced). */
  static async start(size: number, properties: Record<string, string> = {}): Promise<TestCluster> {
    const root = mkdtempSync(join(tmpdir(), 'gregor-cluster-'));
    const nodes: ClusterNode[] = [];
    for (let id = 1; id <= size; id++) {
      nodes.push({
        id,
        port: await freePort(),
        controllerPort: await freePort(),
        logDir: join(root, `node-${id}`),
        process: null,
        output: [],
      });
    }
    const cluster = new TestCluster(nodes, root, properties);
    try {
      await Promise.all(nodes.map((n) => cluster.startNode(n.id)));
    } catch (e) {
      await cluster.stop();
      throw e;
    }
    return cluster;
  }

  /** host:port of every node, for clients. */
  get bootstrap(): string[] {
    return this.nodes.map((n) => `127.0.0.1:${n.port}`);
  }

  node(id: number): ClusterNode {
    const n = this.nodes.find((x) => x.id === id);
    if (n === undefined) throw new Error(`no node ${id}`);
    return n;
  }

  private args(n: ClusterNode): string[] {
    const voters = this.nodes.map((x) => `${x.id}@127.0.0.1:${x.controllerPort}`).join(',');
    const props: Record<string, string> = {
      'node.id': String(n.id),
      'cluster.id': this.clusterId,
      'process.roles': 'broker,controller',
      listeners: `PLAINTEXT://127.0.0.1:${n.port},CONTROLLER://127.0.0.1:${n.controllerPort}`,
      'controller.listener.names': 'CONTROLLER',
      'inter.broker.listener.name': 'PLAINTEXT',
      'controller.quorum.voters': voters,
      'log.dirs': n.logDir,
      'default.replication.factor': String(Math.min(3, this.nodes.length)),
      'offsets.topic.replication.factor': String(Math.min(3, this.nodes.length)),
      'transaction.state.log.replication.factor': String(Math.min(3, this.nodes.length)),
      'group.initial.rebalance.delay.ms': '0',
      ...this.properties,
    };
    const args = [MAIN];
    for (const [k, v] of Object.entries(props)) args.push('--override', `${k}=${v}`);
    return args;
  }

  /** Starts (or restarts) node `id`; resolves when it logs that it is ready. */
  startNode(id: number, timeoutMs = 60_000): Promise<void> {
    const n = this.node(id);
    if (n.process !== null) throw new Error(`node ${id} is running`);
    const child = spawn(process.execPath, this.args(n), {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, GREGOR_LOG_LEVEL: process.env.GREGOR_CLUSTER_LOG_LEVEL ?? 'info' },
    });
    n.process = child;
    return new Promise<void>((resolve, reject) => {
      let ready = false;
      let pending = '';
      const timer = setTimeout(() => {
        if (!ready) reject(new Error(`node ${id} not ready after ${timeoutMs} ms:\n${n.output.slice(-20).join('\n')}`));
      }, timeoutMs);
      const onData = (chunk: Buffer) => {
        pending += chunk.toString('utf8');
        let nl = pending.indexOf('\n');
        while (nl >= 0) {
          const line = pending.slice(0, nl);
          pending = pending.slice(nl + 1);
          n.output.push(line);
          if (n.output.length > 5000) n.output.splice(0, 1000);
          if (!ready && line.includes('"Gregor broker ready"')) {
            ready = true;
            clearTimeout(timer);
            resolve();
          }
          nl = pending.indexOf('\n');
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code, signal) => {
        if (n.process === child) n.process = null;
        if (!ready) {
          clearTimeout(timer);
          reject(
            new Error(`node ${id} exited (${code ?? signal}) before it was ready:\n${n.output.slice(-20).join('\n')}`),
          );
        }
      });
    });
  }

  /** SIGKILL: no clean shutdown, unflushed data lost. Resolves when the process is gone. */
  kill(id: number): Promise<void> {
    return this.signal(id, 'SIGKILL');
  }

  /** SIGTERM: a clean stop (controlled shutdown first). */
  stopNode(id: number): Promise<void> {
    return this.signal(id, 'SIGTERM');
  }

  private signal(id: number, signal: NodeJS.Signals): Promise<void> {
    const n = this.node(id);
    const child = n.process;
    if (child === null || child.pid === undefined) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      process.kill(child.pid as number, signal);
    });
  }

  /** Stops every node (SIGKILL) and removes the directories. */
  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((n) => this.kill(n.id)));
    rmSync(this.root, { recursive: true, force: true });
  }
}
