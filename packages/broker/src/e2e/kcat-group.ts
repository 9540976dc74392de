/**
 * A long-running `kcat -G` (librdkafka's balanced KafkaConsumer) for group tests: started
 * as a child process, its messages parsed off stdout as they arrive, stopped by its pid
 * (SIGTERM: librdkafka commits and leaves the group; SIGKILL after a grace period, and
 * always at the end of a test).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { KCAT } from './kcat.js';

export interface KcatMessage {
  partition: number;
  offset: number;
  key: string;
  value: string;
}

/**
 * librdkafka settings that make rebalances, commits and end-of-partition quick: the
 * broker under test must allow the session timeout (group.min.session.timeout.ms).
 */
export const KCAT_GROUP_FAST = [
  '-X',
  'session.timeout.ms=6000',
  '-X',
  'heartbeat.interval.ms=100',
  '-X',
  'max.poll.interval.ms=10000',
  '-X',
  'auto.commit.interval.ms=100',
  '-X',
  'auto.offset.reset=earliest',
  '-X',
  'fetch.wait.max.ms=50',
];

export class KcatGroupConsumer {
  readonly messages: KcatMessage[] = [];
  private stderrText = '';
  private pendingOut = '';
  private readonly exitPromise: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    readonly clientId: string,
    private readonly child: ChildProcess,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => this.onStdout(chunk));
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderrText = (this.stderrText + chunk.toString('utf8')).slice(-8000);
    });
    child.stdin?.on('error', () => undefined);
    this.exitPromise = new Promise((resolve) => {
      child.once('exit', (code, signal) => resolve({ code, signal }));
    });
  }

  /**
   * `kcat -b <bootstrap> -G <groupId> <topics...>`, printing `partition offset key value`
   * per message, unbuffered. Keys and values must not contain spaces or newlines.
   */
  static start(
    bootstrap: string,
    groupId: string,
    topics: readonly string[],
    clientId: string,
    extra: readonly string[] = [],
  ): KcatGroupConsumer {
    const args = [
      '-b',
      bootstrap,
      '-u',
      '-G',
      groupId,
      '-f',
      '%p %o %k %s\\n',
      '-X',
      `client.id=${clientId}`,
      ...KCAT_GROUP_FAST,
      ...extra,
      ...topics,
    ];
    const child = spawn(KCAT, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    return new KcatGroupConsumer(clientId, child);
  }

  private onStdout(chunk: Buffer): void {
    this.pendingOut += chunk.toString('utf8');
    for (let nl = this.pendingOut.indexOf('\n'); nl >= 0; nl = this.pendingOut.indexOf('\n')) {
      const line = this.pendingOut.slice(0, nl);
      this.pendingOut = this.pendingOut.slice(nl + 1);
      const [p, o, key, value] = line.split(' ');
      if (p === undefined || o === undefined || key === undefined || value === undefined) {
        this.stderrText += `\n[unparsed stdout] ${line}`;
        continue;
      }
      this.messages.push({ partition: Number(p), offset: Number(o), key, value });
    }
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  get stderr(): string {
    return this.stderrText;
  }

  /** SIGTERM (kcat closes the consumer: final commit, LeaveGroup); SIGKILL if it has not exited in `graceMs`. */
  async stop(graceMs = 10_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.running && this.child.pid !== undefined) process.kill(this.child.pid, 'SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const killed = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.kill();
        resolve();
      }, graceMs);
    });
    await Promise.race([this.exitPromise, killed]);
    clearTimeout(timer);
    return this.exitPromise;
  }

  /** SIGKILL: no commit, no LeaveGroup. */
  kill(): void {
    if (this.running && this.child.pid !== undefined) process.kill(this.child.pid, 'SIGKILL');
  }
}
