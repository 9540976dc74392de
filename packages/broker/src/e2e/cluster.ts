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
import type { MetadataResponse } from '@gregor/protocol';
import { ApiKey, ErrorCode, MetadataRequest, randomUuid } from '@gregor/protocol';
import { MetadataRequestTopic } from '@gregor/protocol/generated/messages/metadata-request';
import { TestClient } from '../handlers/protocol-client.js';
import { type CutMode, LinkProxy } from './link-proxy.js';
import { waitFor } from './support.js';

const MAIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'main.js');

export interface ClusterNode {
  id: number;
  port: number;
  controllerPort: number;
  logDir: string;
  process: ChildProcess | null;
  /** Everything the node wrote to stdout and stderr (pino JSON lines). */
  output: string[];
  /** With `proxies`: the INTERNAL (inter-broker) listener's own port, behind its proxy. */
  internalPort?: number;
}

export interface ClusterOptions {
  /**
   * Route the links between nodes through loopback proxies that can be cut (LinkProxy):
   * node i names the proxy p(i->j) as voter j in its controller.quorum.voters (the Raft
   * quorum and the broker-to-controller RPCs: registration, heartbeats, AlterPartition),
   * and each node has an INTERNAL listener, used between brokers (followers' Fetch,
   * transaction markers), advertised at the port of one proxy in front of it. Clients
   * use the PLAINTEXT listener, never proxied.
   */
  proxies?: boolean;
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
  /** With `proxies`: "i->j" -> the proxy node i uses to reach voter j's controller listener. */
  readonly controllerLinks = new Map<string, LinkProxy>();
  /** With `proxies`: node id -> the proxy in front of its INTERNAL listener. */
  readonly internalProxies = new Map<number, LinkProxy>();
  private readonly paused = new Set<number>();

  private constructor(
    nodes: ClusterNode[],
    root: string,
    private readonly properties: Record<string, string>,
  ) {
    this.nodes = nodes;
    this.root = root;
  }

  /** Starts `size` nodes and waits until every one is ready (registered and unfenced). */
  static async start(
    size: number,
    properties: Record<string, string> = {},
    options: ClusterOptions = {},
  ): Promise<TestCluster> {
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
        ...(options.proxies === true ? { internalPort: await freePort() } : {}),
      });
    }
    const cluster = new TestCluster(nodes, root, properties);
    try {
      if (options.proxies === true) {
        // The nodes' ports were only reserved (bound and released): a proxy must not take one.
        const taken = new Set(nodes.flatMap((n) => [n.port, n.controllerPort, n.internalPort ?? 0]));
        const proxy = async (targetPort: number, label: string) => {
          for (;;) {
            const p = await LinkProxy.start(targetPort, label);
            if (!taken.has(p.port)) return p;
            await p.close();
          }
        };
        for (const from of nodes) {
          for (const to of nodes) {
            if (from.id === to.id) continue;
            const label = `controller ${from.id}->${to.id}`;
            cluster.controllerLinks.set(`${from.id}->${to.id}`, await proxy(to.controllerPort, label));
          }
          cluster.internalProxies.set(from.id, await proxy(from.internalPort as number, `internal ->${from.id}`));
        }
      }
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
    const voterPort = (x: ClusterNode) =>
      x.id === n.id ? x.controllerPort : (this.controllerLinks.get(`${n.id}->${x.id}`)?.port ?? x.controllerPort);
    const voters = this.nodes.map((x) => `${x.id}@127.0.0.1:${voterPort(x)}`).join(',');
    const internal = this.internalProxies.get(n.id);
    const proxied: Record<string, string> =
      internal === undefined || n.internalPort === undefined
        ? {}
        : {
            listeners: `PLAINTEXT://127.0.0.1:${n.port},INTERNAL://127.0.0.1:${n.internalPort},CONTROLLER://127.0.0.1:${n.controllerPort}`,
            'advertised.listeners': `PLAINTEXT://127.0.0.1:${n.port},INTERNAL://127.0.0.1:${internal.port}`,
            'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT',
            'inter.broker.listener.name': 'INTERNAL',
          };
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
      ...proxied,
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
    // GREGOR_CLUSTER_LOG_LEVEL sets the nodes' log level; it is not passed on as it is,
    // since a node reads every GREGOR_* variable as a setting and refuses unknown ones.
    const { GREGOR_CLUSTER_LOG_LEVEL: level, ...env } = process.env;
    const child = spawn(process.execPath, this.args(n), {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...env, GREGOR_LOG_LEVEL: level ?? 'info' },
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

  /**
   * Waits until every running node's Metadata shows `topic` with partitions that satisfy
   * `check` (metadata reaches each node through the quorum, not at once).
   */
  async waitForTopicEverywhere(
    topic: string,
    check: (partitions: readonly { partition: number; leader: number }[]) => boolean,
    timeoutMs = 15_000,
  ): Promise<void> {
    await waitFor(
      `${topic} on every node`,
      async () => {
        for (const node of this.nodes) {
          if (node.process === null) continue;
          const client = await TestClient.connect('127.0.0.1', node.port).catch(() => null);
          if (client === null) return false;
          try {
            const t = new MetadataRequestTopic();
            t.name = topic;
            const req = new MetadataRequest();
            req.topics = [t];
            const res = await client.send<MetadataResponse>(ApiKey.Metadata, 12, req);
            const found = res.topics[0];
            if (found === undefined || found.errorCode !== ErrorCode.NONE) return false;
            if (!check(found.partitions.map((p) => ({ partition: p.partitionIndex, leader: p.leaderId }))))
              return false;
          } catch {
            return false;
          } finally {
            await client.close();
          }
        }
        return true;
      },
      timeoutMs,
      100,
    );
  }

  /** SIGKILL: no clean shutdown, unflushed data lost. Resolves when the process is gone. */
  kill(id: number): Promise<void> {
    this.paused.delete(id);
    return this.signal(id, 'SIGKILL');
  }

  /** SIGSTOP: the node freezes (no timers, no I/O) with its sockets open, until resume(). */
  pause(id: number): void {
    const pid = this.node(id).process?.pid;
    if (pid === undefined) return;
    process.kill(pid, 'SIGSTOP');
    this.paused.add(id);
  }

  /** SIGCONT: a paused node carries on where it stopped. */
  resume(id: number): void {
    const pid = this.node(id).process?.pid;
    this.paused.delete(id);
    if (pid !== undefined) process.kill(pid, 'SIGCONT');
  }

  isPaused(id: number): boolean {
    return this.paused.has(id);
  }

  /**
   * With `proxies`: cuts node `id` off from the other nodes: every controller link from
   * it and to it, and the proxy in front of its INTERNAL listener (no other broker can
   * fetch from it or send it transaction markers). What stays open: its own fetches from
   * other leaders (their INTERNAL proxies serve every node alike) and every client link.
   */
  isolate(id: number, mode: CutMode): void {
    for (const [key, link] of this.controllerLinks) {
      const [from, to] = key.split('->').map(Number);
      if (from === id || to === id) link.cut(mode);
    }
    this.internalProxies.get(id)?.cut(mode);
  }

  /** Reopens every link. */
  heal(): void {
    for (const link of this.controllerLinks.values()) link.heal();
    for (const link of this.internalProxies.values()) link.heal();
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

  /** Stops every node (SIGKILL) and every proxy, and removes the directories. */
  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((n) => this.kill(n.id)));
    this.paused.clear();
    await Promise.all([...this.controllerLinks.values(), ...this.internalProxies.values()].map((l) => l.close()));
    rmSync(this.root, { recursive: true, force: true });
  }
}
