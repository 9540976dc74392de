/**
 * The log cleaner: decides which compacted log to clean and when, as Kafka's
 * `LogCleanerManager` does, and runs the passes (compact.ts) one at a time.
 *
 * A log needs cleaning when its policy includes `compact` and either
 * - its dirty ratio, dirty bytes / (clean + dirty bytes) of the cleanable segments, is
 *   at least min.cleanable.dirty.ratio;
 * - the first dirty segment's first batch is older than max.compaction.lag.ms (Kafka's
 *   "needs compaction now"); or
 * - the earliest delete horizon left by the last pass has passed (KIP-534: tombstones and
 *   markers may go although nothing is dirty).
 * Logs in the second and third case come first, then the dirtiest. The cleanable range
 * estimated here leaves out open transactions (only a pass scans for them), so a pass may
 * find less to do than the estimate.
 *
 * For logs with `compact,delete` each round also applies retention, as Kafka's cleaner
 * thread does for them.
 *
 * The cleaner takes its clock and its timer as inputs, so tests and the simulator drive it.
 */
import type { LogEvent, PartitionLog } from '../log/log.js';
import type { CleanerCheckpoint } from './cleaner-checkpoint.js';
import { readCleanerCheckpoint } from './cleaner-checkpoint.js';
import type { CleanerStats, CompactOptions } from './compact.js';
import { compactLog } from './compact.js';

export interface CleanableInfo {
  firstDirtyOffset: number;
  /** Estimated: min(active segment base, high watermark, written offset, min.compaction.lag.ms). */
  firstUncleanableOffset: number;
  /** Bytes of cleanable segments below the first dirty offset. */
  cleanBytes: number;
  /** Bytes of cleanable segments reaching past it. */
  dirtyBytes: number;
  dirtyRatio: number;
  /** A dirty batch is older than max.compaction.lag.ms. */
  compactionLagExceeded: boolean;
  /** A tombstone or marker kept by the last pass may go now. */
  deleteHorizonDue: boolean;
  needsCleaning: boolean;
}

/** How dirty `log` is, given its cleaner checkpoint (see the module doc). Synchronous. */
export function cleanableInfo(log: PartitionLog, checkpoint: CleanerCheckpoint, nowMs: number): CleanableInfo {
  const config = log.config;
  const segments = log.inactiveSegments();
  const bases = log.segmentBaseOffsets();
  let firstUncleanable = Math.min(bases[segments.length] as number, log.highWatermark, log.writtenOffset);
  if (config.minCompactionLagMs > 0) {
    for (const s of segments) {
      if (s.maxTimestamp > nowMs - config.minCompactionLagMs) {
        firstUncleanable = Math.min(firstUncleanable, s.baseOffset);
        break;
      }
    }
  }
  let firstDirty = checkpoint.cleanedOffset;
  if (firstDirty < log.logStartOffset || firstDirty > log.logEndOffset) firstDirty = log.logStartOffset;
  let cleanBytes = 0;
  let dirtyBytes = 0;
  let firstDirtyTimestamp = -1;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    const end = bases[i + 1] as number;
    if (end > firstUncleanable) break;
    if (end <= firstDirty) {
      cleanBytes += s.size;
    } else {
      if (dirtyBytes === 0 && s.size > 0) firstDirtyTimestamp = s.firstBatchTimestamp;
      dirtyBytes += s.size;
    }
  }
  const total = cleanBytes + dirtyBytes;
  const dirtyRatio = total > 0 ? dirtyBytes / total : 0;
  const compactionLagExceeded =
    dirtyBytes > 0 &&
    config.maxCompactionLagMs >= 0 &&
    config.maxCompactionLagMs < Number.MAX_SAFE_INTEGER &&
    firstDirtyTimestamp >= 0 &&
    nowMs - firstDirtyTimestamp > config.maxCompactionLagMs;
  const deleteHorizonDue = total > 0 && checkpoint.deleteHorizonMs >= 0 && nowMs >= checkpoint.deleteHorizonMs;
  const needsCleaning =
    config.cleanupPolicy.includes('compact') &&
    ((dirtyBytes > 0 && (dirtyRatio >= config.minCleanableDirtyRatio || compactionLagExceeded)) || deleteHorizonDue);
  return {
    firstDirtyOffset: firstDirty,
    firstUncleanableOffset: firstUncleanable,
    cleanBytes,
    dirtyBytes,
    dirtyRatio,
    compactionLagExceeded,
    deleteHorizonDue,
    needsCleaning,
  };
}

/** The dirty ratio of `log` now (reads its cleaner checkpoint). */
export async function dirtyRatio(log: PartitionLog, nowMs: number): Promise<number> {
  return cleanableInfo(log, await readCleanerCheckpoint(log.disk, log.dir), nowMs).dirtyRatio;
}

/** Whether `log` should be cleaned now (reads its cleaner checkpoint). */
export async function needsCleaning(log: PartitionLog, nowMs: number): Promise<boolean> {
  return cleanableInfo(log, await readCleanerCheckpoint(log.disk, log.dir), nowMs).needsCleaning;
}

/** A scheduled call that can be cancelled. */
export interface CleanerTimer {
  cancel(): void;
}

export interface LogCleanerOptions {
  /** Wall-clock milliseconds; default Date.now. */
  now?: () => number;
  /** Pass summaries, errors, retention. */
  onEvent?: (event: LogEvent) => void;
  /** Options for each pass (offset map size, read chunk). */
  compact?: Omit<CompactOptions, 'onEvent'>;
  /** Runs `run` after `delayMs`; default an unref'd setTimeout. */
  schedule?: (run: () => void, delayMs: number) => CleanerTimer;
}

function defaultSchedule(run: () => void, delayMs: number): CleanerTimer {
  const handle = setTimeout(run, delayMs);
  handle.unref();
  return { cancel: () => clearTimeout(handle) };
}

export class LogCleaner {
  private readonly logs = new Set<PartitionLog>();
  /** Checkpoints as last read or written, so choosing a log reads no files. */
  private readonly checkpoints = new Map<PartitionLog, CleanerCheckpoint>();
  private readonly now: () => number;
  private readonly onEvent: (event: LogEvent) => void;
  private readonly compactOptions: CompactOptions;
  private readonly schedule: (run: () => void, delayMs: number) => CleanerTimer;
  /** Rounds run one after another. */
  private chain: Promise<unknown> = Promise.resolve();
  private timer: CleanerTimer | null = null;
  private running = false;

  constructor(options: LogCleanerOptions = {}) {
    this.now = options.now ?? Date.now;
    this.onEvent = options.onEvent ?? (() => {});
    this.compactOptions = { ...options.compact, onEvent: this.onEvent };
    this.schedule = options.schedule ?? defaultSchedule;
  }

  add(log: PartitionLog): void {
    this.logs.add(log);
  }

  /** Stops cleaning `log`; settles when no pass over it is running. */
  async remove(log: PartitionLog): Promise<void> {
    this.logs.delete(log);
    this.checkpoints.delete(log);
    await this.chain.catch(() => {});
  }

  private async checkpointOf(log: PartitionLog): Promise<CleanerCheckpoint> {
    let checkpoint = this.checkpoints.get(log);
    if (checkpoint === undefined) {
      checkpoint = await readCleanerCheckpoint(log.disk, log.dir);
      this.checkpoints.set(log, checkpoint);
    }
    return checkpoint;
  }

  /**
   * One round: retention for `compact,delete` logs, then one pass over the log that
   * needs cleaning most. Returns that pass's stats, or null when no log needed one.
   */
  runOnce(): Promise<CleanerStats | null> {
    const round = this.chain.catch(() => {}).then(() => this.round());
    this.chain = round;
    return round;
  }

  private async round(): Promise<CleanerStats | null> {
    const now = this.now();
    let best: PartitionLog | null = null;
    let bestUrgent = false;
    let bestRatio = -1;
    for (const log of [...this.logs]) {
      const policy = log.config.cleanupPolicy;
      if (!policy.includes('compact')) continue;
      try {
        if (policy.includes('delete')) await log.applyRetention();
        const info = cleanableInfo(log, await this.checkpointOf(log), now);
        if (!info.needsCleaning) continue;
        const urgent = info.compactionLagExceeded || info.deleteHorizonDue;
        if ((urgent && !bestUrgent) || (urgent === bestUrgent && info.dirtyRatio > bestRatio)) {
          best = log;
          bestUrgent = urgent;
          bestRatio = info.dirtyRatio;
        }
      } catch (e) {
        this.report(log, 'log cleaner could not inspect a log', e);
      }
    }
    if (best === null) return null;
    try {
      const stats = await compactLog(best, now, this.compactOptions);
      if (stats !== null) {
        this.checkpoints.set(best, { cleanedOffset: stats.cleanedOffset, deleteHorizonMs: stats.deleteHorizonMs });
      }
      return stats;
    } catch (e) {
      // The checkpoint may be stale now: read it again next time.
      this.checkpoints.delete(best);
      this.report(best, 'log cleaner pass stopped', e);
      return null;
    }
  }

  private report(log: PartitionLog, message: string, e: unknown): void {
    this.onEvent({ level: 'warn', message, dir: log.dir, error: e instanceof Error ? e.message : String(e) });
  }

  /**
   * Cleans in the background: rounds back to back while there is work, then one round
   * every `backoffMs` (Kafka's log.cleaner.backoff.ms, 15 s).
   */
  start(backoffMs = 15_000): void {
    if (this.running) return;
    this.running = true;
    const tick = (): void => {
      this.timer = null;
      void this.runOnce().then((stats) => {
        if (this.running) this.timer = this.schedule(tick, stats === null ? backoffMs : 0);
      });
    };
    this.timer = this.schedule(tick, 0);
  }

  /** Stops the background rounds; settles when the running one has finished. */
  async stop(): Promise<void> {
    this.running = false;
    this.timer?.cancel();
    this.timer = null;
    await this.chain.catch(() => {});
  }
}
