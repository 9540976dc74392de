/**
 * Swapping a cleaned segment into a partition log, crash-safely, with the file names of
 * Kafka's LogCleaner (`UnifiedLog.replaceSegments` and the swap recovery of `LogLoader`).
 *
 * Before taking the log's write lock, the cleaner writes the batches that survive in a
 * group of old segments to `<base>.log.cleaned` (fsynced) and the aborted transactions
 * whose markers survive to `<base>.txnindex.cleaned` (always written, often empty: its
 * presence tells recovery which `.txnindex` is which). `<base>` is the base offset of the
 * group's first segment. Then, under the lock (`swapInSegment`):
 *
 *   1. `<base>.txnindex.cleaned` -> `.txnindex.swap`, then `<base>.log.cleaned` ->
 *      `.log.swap`. The second rename is the commit point.
 *   2. the old segments' files are deleted (`.log`, `.index`, `.timeindex`, `.txnindex`),
 *      last segment first;
 *   3. `<base>.txnindex.swap` -> `.txnindex`, then `<base>.log.swap` -> `.log`;
 *   4. the new segment is opened (its indexes were built while it was written) and its
 *      index files are written.
 *
 * Recovery (`recoverInterruptedSwaps`, run by the log before it lists its segments):
 * - `*.cleaned`: the swap never committed and the old segments are whole: deleted.
 * - `<base>.<index>.swap` without `<base>.log.swap`: the same, deleted.
 * - `<base>.log.swap`: committed. Every segment file whose base offset lies in
 *   [base, end of the swap file's batches) belongs to an old segment and is deleted,
 *   except `<base>.txnindex` when `<base>.txnindex.swap` is gone (then it is the new one,
 *   renamed in step 3). Step 3 is then completed; the log rebuilds the offset and time
 *   indexes when it opens the segment.
 *
 * A crash between steps 1 and 2 can leave old segments past the end of the cleaned one
 * (segments whose batches were all removed), as in Kafka. Keeping them is harmless: they
 * hold only records with newer versions later in the log, expired tombstones and
 * markers, so the log is merely less clean; the next cleaning removes them again.
 */
import type { Disk } from '../disk.js';
import { joinPath } from '../disk.js';
import { scanBatches } from '../log/batch-scan.js';
import type { LogEvent } from '../log/log.js';
import type { LogSegment } from '../log/segment.js';
import { parseSegmentFileName, segmentFileName } from '../log/segment.js';
import type { AbortedTxn } from '../log/txn-index.js';
import { TxnIndex } from '../log/txn-index.js';

export const CLEANED_SUFFIX = '.cleaned';
export const SWAP_SUFFIX = '.swap';

/** The files of a segment; snapshots and checkpoints are not. */
const SEGMENT_SUFFIXES: readonly string[] = ['.log', '.index', '.timeindex', '.txnindex'];

/** `<dir>/<base><suffix>.cleaned`, e.g. `00000000000000000000.log.cleaned`. */
export function cleanedPath(dir: string, baseOffset: number, suffix: string): string {
  return joinPath(dir, segmentFileName(baseOffset, suffix) + CLEANED_SUFFIX);
}

function swapPath(dir: string, baseOffset: number, suffix: string): string {
  return joinPath(dir, segmentFileName(baseOffset, suffix) + SWAP_SUFFIX);
}

function finalPath(dir: string, baseOffset: number, suffix: string): string {
  return joinPath(dir, segmentFileName(baseOffset, suffix));
}

function parseSuffixed(name: string, marker: string): { baseOffset: number; suffix: string } | null {
  if (!name.endsWith(marker)) return null;
  return parseSegmentFileName(name.slice(0, -marker.length));
}

async function unlinkIfExists(disk: Disk, path: string): Promise<void> {
  if (await disk.exists(path)) await disk.unlink(path);
}

/** Writes `<base>.txnindex.cleaned` (durably) with the aborted transactions of a cleaned segment. */
export async function writeCleanedTxnIndex(
  disk: Disk,
  dir: string,
  baseOffset: number,
  abortedTxns: readonly AbortedTxn[],
): Promise<void> {
  const index = new TxnIndex();
  for (const txn of abortedTxns) index.append(txn);
  await disk.writeFileAtomic(cleanedPath(dir, baseOffset, '.txnindex'), index.toBuffer());
}

/** Removes the `.cleaned` files of an abandoned cleaning of the group at `baseOffset`. */
export async function discardCleaned(disk: Disk, dir: string, baseOffset: number): Promise<void> {
  await unlinkIfExists(disk, cleanedPath(dir, baseOffset, '.log'));
  await unlinkIfExists(disk, cleanedPath(dir, baseOffset, '.txnindex'));
}

/**
 * Steps 1-4 of the module doc: replaces `old` by `cleaned` (a segment object made with
 * `LogSegment.placeholder` that tracked every batch written to `<base>.log.cleaned` and
 * holds its aborted transactions), or just deletes `old` when `cleaned` is null (every
 * batch was removed). The caller holds the log's write lock; any error here is a disk
 * error after which the log must be reopened (which completes or undoes the swap).
 */
export async function swapInSegment(
  disk: Disk,
  dir: string,
  old: readonly LogSegment[],
  cleaned: LogSegment | null,
): Promise<LogSegment | null> {
  if (cleaned !== null) {
    const base = cleaned.baseOffset;
    if (base !== old[0]?.baseOffset) throw new Error(`cleaned segment ${base} does not start the group it replaces`);
    await disk.rename(cleanedPath(dir, base, '.txnindex'), swapPath(dir, base, '.txnindex'));
    await disk.rename(cleanedPath(dir, base, '.log'), swapPath(dir, base, '.log'));
  }
  // Last first, so what a crash leaves of the old segments is a prefix of them.
  for (let i = old.length - 1; i >= 0; i--) await (old[i] as LogSegment).delete();
  if (cleaned === null) return null;
  const base = cleaned.baseOffset;
  await disk.rename(swapPath(dir, base, '.txnindex'), finalPath(dir, base, '.txnindex'));
  await disk.rename(swapPath(dir, base, '.log'), finalPath(dir, base, '.log'));
  const aborted: AbortedTxn[] = [];
  cleaned.collectAbortedTxns(0, Number.MAX_SAFE_INTEGER, aborted);
  // An empty transaction index was written only to mark the swap; no need to keep it.
  if (aborted.length === 0) await disk.unlink(finalPath(dir, base, '.txnindex'));
  await cleaned.openWritten();
  await cleaned.persistIndexes();
  return cleaned;
}

/** The offset after the last whole batch of a `.swap` log file (its base when it has none). */
async function endOfSwapFile(disk: Disk, path: string, baseOffset: number): Promise<number> {
  const file = await disk.open(path, false);
  try {
    let end = baseOffset;
    await scanBatches(file, 0, await file.size(), true, (b) => {
      end = b.lastOffset + 1;
      return true;
    });
    return end;
  } finally {
    await file.close();
  }
}

/**
 * Undoes uncommitted swaps and completes committed ones in `dir` (see the module doc).
 * Returns the number of swaps completed.
 */
export async function recoverInterruptedSwaps(
  disk: Disk,
  dir: string,
  onEvent: (event: LogEvent) => void = () => {},
): Promise<number> {
  const names = await disk.list(dir);
  const swaps: number[] = [];
  for (const name of names) {
    if (name.endsWith(CLEANED_SUFFIX)) {
      await disk.unlink(joinPath(dir, name));
      onEvent({ level: 'warn', message: 'deleted a cleaned segment file of an interrupted cleaning', dir, file: name });
      continue;
    }
    const parsed = parseSuffixed(name, SWAP_SUFFIX);
    if (parsed !== null && parsed.suffix === '.log') swaps.push(parsed.baseOffset);
  }
  for (const name of names) {
    const parsed = parseSuffixed(name, SWAP_SUFFIX);
    if (parsed !== null && parsed.suffix !== '.log' && !swaps.includes(parsed.baseOffset)) {
      await disk.unlink(joinPath(dir, name));
    }
  }
  swaps.sort((a, b) => a - b);
  for (const base of swaps) {
    const end = await endOfSwapFile(disk, swapPath(dir, base, '.log'), base);
    const txnSwapped = await disk.exists(swapPath(dir, base, '.txnindex'));
    // The old segment at `base` has the swap's name: it always goes, even when the swap is empty.
    const limit = Math.max(end, base + 1);
    let deleted = 0;
    for (const name of await disk.list(dir)) {
      const parsed = parseSegmentFileName(name);
      if (parsed === null || !SEGMENT_SUFFIXES.includes(parsed.suffix)) continue;
      if (parsed.baseOffset < base || parsed.baseOffset >= limit) continue;
      if (parsed.baseOffset === base && parsed.suffix === '.txnindex' && !txnSwapped) continue;
      await disk.unlink(joinPath(dir, name));
      if (parsed.suffix === '.log') deleted++;
    }
    if (txnSwapped) await disk.rename(swapPath(dir, base, '.txnindex'), finalPath(dir, base, '.txnindex'));
    await disk.rename(swapPath(dir, base, '.log'), finalPath(dir, base, '.log'));
    onEvent({
      level: 'warn',
      message: 'completed a segment swap interrupted by a crash',
      dir,
      segment: base,
      endOffset: end,
      oldSegmentsDeleted: deleted,
    });
  }
  return swaps.length;
}
