/**
 * The leader epoch cache of a partition: for each leader epoch, the first offset written
 * in it (KIP-101). Followers use it to find where their log diverges from the leader's
 * (OffsetForLeaderEpoch) instead of trusting the high watermark.
 *
 * Stored in `leader-epoch-checkpoint` in the partition directory, in Kafka's text
 * format: a version line (0), a count line, then one "epoch startOffset" line per entry.
 * The file is rewritten atomically on every change; changes are rare (one per leader
 * election, plus truncations).
 */
import type { Disk } from '../disk.js';

export const LEADER_EPOCH_CHECKPOINT = 'leader-epoch-checkpoint';

export interface EpochEntry {
  epoch: number;
  startOffset: number;
}

export class LeaderEpochCache {
  private constructor(
    private readonly disk: Disk,
    private readonly path: string,
    private entries: EpochEntry[],
  ) {}

  static async load(disk: Disk, path: string): Promise<LeaderEpochCache> {
    if (!(await disk.exists(path))) return new LeaderEpochCache(disk, path, []);
    const text = (await disk.readFile(path)).toString('utf8');
    return new LeaderEpochCache(disk, path, parseCheckpoint(text, path));
  }

  get all(): readonly EpochEntry[] {
    return this.entries;
  }

  latestEpoch(): number {
    return this.entries.length === 0 ? -1 : (this.entries[this.entries.length - 1] as EpochEntry).epoch;
  }

  /**
   * Records that `epoch` starts at `startOffset`. Ignored unless the epoch is newer than
   * the latest; entries that start at or after `startOffset` are replaced (they were
   * never acknowledged as part of this log).
   */
  async assign(epoch: number, startOffset: number): Promise<void> {
    const latest = this.entries[this.entries.length - 1];
    if (latest !== undefined && epoch <= latest.epoch) return;
    this.entries = this.entries.filter((e) => e.startOffset < startOffset);
    this.entries.push({ epoch, startOffset });
    await this.write();
  }

  /**
   * Kafka's `LeaderEpochFileCache.endOffsetFor`: for the latest epoch, the log end
   * offset; for an older one, the largest known epoch <= it and the start offset of the
   * epoch after that; for one older than every entry, the requested epoch and the first
   * entry's start offset; for an undefined epoch (-1), one newer than the latest or an
   * empty cache, { epoch: -1, endOffset: -1 }.
   */
  endOffsetFor(epoch: number, logEndOffset: number): { epoch: number; endOffset: number } {
    const undefinedAnswer = { epoch: -1, endOffset: -1 };
    const latest = this.entries[this.entries.length - 1];
    if (epoch === -1 || latest === undefined) return undefinedAnswer;
    if (epoch === latest.epoch) return { epoch, endOffset: logEndOffset };
    const higher = this.entries.findIndex((e) => e.epoch > epoch);
    if (higher < 0) return undefinedAnswer;
    const next = this.entries[higher] as EpochEntry;
    if (higher === 0) return { epoch, endOffset: next.startOffset };
    return { epoch: (this.entries[higher - 1] as EpochEntry).epoch, endOffset: next.startOffset };
  }

  /** Drops entries starting at or after `offset` (the log was truncated to `offset`). */
  async truncateFromEnd(offset: number): Promise<void> {
    const kept = this.entries.filter((e) => e.startOffset < offset);
    if (kept.length === this.entries.length) return;
    this.entries = kept;
    await this.write();
  }

  /** The log start moved to `offset`: entries before it collapse into one starting at `offset`. */
  async truncateFromStart(offset: number): Promise<void> {
    let i = 0;
    while (i + 1 < this.entries.length && (this.entries[i + 1] as EpochEntry).startOffset <= offset) i++;
    const first = this.entries[i];
    if (first === undefined) return;
    const changed = i > 0 || first.startOffset < offset;
    if (!changed) return;
    this.entries = [
      { epoch: first.epoch, startOffset: Math.max(first.startOffset, offset) },
      ...this.entries.slice(i + 1),
    ];
    await this.write();
  }

  private async write(): Promise<void> {
    const lines = ['0', String(this.entries.length), ...this.entries.map((e) => `${e.epoch} ${e.startOffset}`)];
    await this.disk.writeFileAtomic(this.path, Buffer.from(`${lines.join('\n')}\n`));
  }
}

function parseCheckpoint(text: string, path: string): EpochEntry[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines[0] !== '0') throw new Error(`${path}: unsupported checkpoint version ${JSON.stringify(lines[0])}`);
  const count = Number(lines[1]);
  if (!Number.isInteger(count) || count !== lines.length - 2)
    throw new Error(`${path}: expected ${lines[1]} entries, found ${lines.length - 2}`);
  const entries: EpochEntry[] = [];
  for (const line of lines.slice(2)) {
    const m = /^(\d+) (\d+)$/.exec(line.trim());
    if (m === null) throw new Error(`${path}: bad entry ${JSON.stringify(line)}`);
    const entry = { epoch: Number(m[1]), startOffset: Number(m[2]) };
    const last = entries[entries.length - 1];
    if (last !== undefined && (entry.epoch <= last.epoch || entry.startOffset < last.startOffset)) {
      throw new Error(`${path}: entries out of order at ${JSON.stringify(line)}`);
    }
    entries.push(entry);
  }
  return entries;
}
