/**
 * The metadata log on disk, as Raft sees it: `__cluster_metadata-0` is an ordinary
 * partition log (segments, indexes, leader-epoch checkpoint, recovery) plus Raft's
 * snapshots beside it, named as Kafka names them:
 * `<20-digit end offset>-<10-digit epoch>.checkpoint`, and the `quorum-state` file.
 *
 * A snapshot covers every record below its end offset. After one is written the log
 * start moves up to it (older segments are deleted), and older snapshots are removed.
 * A follower that fetched a snapshot from the leader drops its whole log and starts
 * again at the snapshot's end offset; if it crashed in between, opening finds a
 * snapshot beyond the log end and finishes that step.
 */
import type { ElectionState, OffsetAndEpoch, QuorumStateStore, ReplicatedLog } from '@gregor/raft';
import { decodeQuorumState, encodeQuorumState } from '@gregor/raft';
import type { Disk, DiskFile, PartitionLog } from '@gregor/storage';
import { joinPath, readFully } from '@gregor/storage';

const SNAPSHOT_SUFFIX = '.checkpoint';
const SNAPSHOT_NAME = /^(\d{20})-(\d{10})\.checkpoint$/;

export function snapshotFileName(id: OffsetAndEpoch): string {
  return `${String(id.offset).padStart(20, '0')}-${String(id.epoch).padStart(10, '0')}${SNAPSHOT_SUFFIX}`;
}

export class DiskReplicatedLog implements ReplicatedLog {
  private snapshots: OffsetAndEpoch[];

  private constructor(
    private readonly log: PartitionLog,
    private readonly disk: Disk,
    snapshots: OffsetAndEpoch[],
  ) {
    this.snapshots = snapshots;
  }

  static async open(log: PartitionLog, disk: Disk): Promise<DiskReplicatedLog> {
    const snapshots: OffsetAndEpoch[] = [];
    for (const name of await disk.list(log.dir)) {
      const m = SNAPSHOT_NAME.exec(name);
      if (m !== null) snapshots.push({ offset: Number(m[1]), epoch: Number(m[2]) });
      else if (name.endsWith(`${SNAPSHOT_SUFFIX}.tmp`)) await disk.unlink(joinPath(log.dir, name));
    }
    snapshots.sort((a, b) => a.offset - b.offset || a.epoch - b.epoch);
    const replicated = new DiskReplicatedLog(log, disk, snapshots);
    const latest = replicated.latestSnapshotId();
    if (latest !== null && latest.offset > log.logEndOffset) {
      // A snapshot fetched from the leader, then a crash before the log was reset to it.
      await log.truncateFullyAndStartAt(latest.offset);
    }
    return replicated;
  }

  startOffset(): number {
    return this.log.logStartOffset;
  }

  endOffset(): OffsetAndEpoch {
    const offset = this.log.logEndOffset;
    const latest = this.latestSnapshotId();
    if (offset === this.log.logStartOffset && latest !== null && latest.offset === offset) {
      return { offset, epoch: latest.epoch };
    }
    return { offset, epoch: Math.max(0, this.log.epochCache.latestEpoch()) };
  }

  flushedEndOffset(): number {
    return this.log.flushedOffset;
  }

  async appendAsLeader(batch: Buffer, epoch: number): Promise<{ baseOffset: number; lastOffset: number }> {
    const result = await this.log.appendAsLeader(batch, epoch);
    return { baseOffset: result.baseOffset, lastOffset: result.lastOffset };
  }

  async appendAsFollower(batches: Buffer): Promise<void> {
    await this.log.appendAsFollower(batches);
  }

  async read(offset: number, maxBytes: number): Promise<Buffer> {
    // Only bytes that reached the file: an append still queued is not readable yet.
    if (offset >= this.log.writtenOffset) return Buffer.alloc(0);
    const result = await this.log.read(offset, maxBytes, this.log.writtenOffset, true);
    // The read may lend a pooled buffer: Raft keeps what it reads, so take a copy.
    const copy = Buffer.from(result.records);
    this.log.releaseRead(result);
    return copy;
  }

  async flush(): Promise<void> {
    await this.log.flush();
  }

  truncateTo(offset: number): Promise<void> {
    return this.log.truncateTo(offset);
  }

  endOffsetForEpoch(epoch: number): OffsetAndEpoch {
    const latest = this.latestSnapshotId();
    const found = this.log.epochCache.endOffsetFor(epoch, this.log.logEndOffset);
    if (found.epoch < 0 && latest !== null && epoch >= latest.epoch) {
      // Everything up to the snapshot is gone from the log; the snapshot's epoch ends there.
      return { offset: latest.offset, epoch: latest.epoch };
    }
    return { offset: found.endOffset, epoch: found.epoch };
  }

  updateHighWatermark(offset: number): void {
    this.log.highWatermark = Math.min(offset, this.log.logEndOffset);
  }

  latestSnapshotId(): OffsetAndEpoch | null {
    return this.snapshots[this.snapshots.length - 1] ?? null;
  }

  async readSnapshot(id: OffsetAndEpoch): Promise<Buffer | null> {
    if (!this.snapshots.some((s) => s.offset === id.offset && s.epoch === id.epoch)) return null;
    return this.disk.readFile(joinPath(this.log.dir, snapshotFileName(id)));
  }

  async readSnapshotChunk(
    id: OffsetAndEpoch,
    position: number,
    maxBytes: number,
  ): Promise<{ size: number; chunk: Buffer } | null> {
    if (!this.snapshots.some((s) => s.offset === id.offset && s.epoch === id.epoch)) return null;
    let file: DiskFile;
    try {
      file = await this.disk.open(joinPath(this.log.dir, snapshotFileName(id)), false);
    } catch (e) {
      // Deleted meanwhile (a newer snapshot replaced it): the follower asks for that one.
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    try {
      const size = await file.size();
      const length = Math.max(0, Math.min(maxBytes, size - position));
      return { size, chunk: await readFully(file, position, length) };
    } finally {
      await file.close();
    }
  }

  async writeSnapshot(id: OffsetAndEpoch, data: Buffer): Promise<void> {
    await this.disk.writeFileAtomic(joinPath(this.log.dir, snapshotFileName(id)), data);
    if (!this.snapshots.some((s) => s.offset === id.offset && s.epoch === id.epoch)) {
      this.snapshots.push(id);
      this.snapshots.sort((a, b) => a.offset - b.offset || a.epoch - b.epoch);
    }
  }

  async deleteBeforeSnapshot(id: OffsetAndEpoch): Promise<void> {
    const upTo = Math.min(id.offset, this.log.logEndOffset);
    if (upTo > this.log.logStartOffset) await this.log.deleteRecordsBefore(upTo);
    const keep: OffsetAndEpoch[] = [];
    for (const s of this.snapshots) {
      if (s.offset < id.offset) await this.disk.unlink(joinPath(this.log.dir, snapshotFileName(s)));
      else keep.push(s);
    }
    this.snapshots = keep;
  }

  async truncateToSnapshot(id: OffsetAndEpoch): Promise<void> {
    await this.log.truncateFullyAndStartAt(id.offset);
    await this.deleteBeforeSnapshot(id);
  }
}

/** Kafka's `quorum-state` file, replaced atomically on every change. */
export class DiskQuorumStateStore implements QuorumStateStore {
  constructor(
    private readonly disk: Disk,
    private readonly path: string,
    private readonly voters: readonly number[],
    private readonly clusterId: string,
  ) {}

  async read(): Promise<ElectionState | null> {
    if (!(await this.disk.exists(this.path))) return null;
    const data = await this.disk.readFile(this.path);
    try {
      return decodeQuorumState(data);
    } catch (e) {
      throw new Error(`${this.path}: ${(e as Error).message}`);
    }
  }

  async write(state: ElectionState): Promise<void> {
    await this.disk.writeFileAtomic(this.path, encodeQuorumState(state, this.voters, this.clusterId));
  }
}
