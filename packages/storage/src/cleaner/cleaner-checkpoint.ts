/**
 * `cleaner-offset-checkpoint` in the partition directory: how far the cleaner has
 * cleaned (Kafka keeps one such file per log directory; one per partition keeps the
 * partition self-contained). Below `cleanedOffset` the log holds at most one record per
 * key, unless a newer one lies above it: the next pass needs to read only what is above
 * (the dirty section) to know what to remove. `deleteHorizonMs` is the earliest time a
 * tombstone or transaction marker kept by the last pass may go (-1 for none): a reason to
 * clean again even when nothing is dirty.
 *
 * Written atomically after a pass completes. Lost or unreadable, it costs one full pass.
 *
 *   0
 *   cleanedOffset <offset>
 *   deleteHorizonMs <ms>
 */
import type { Disk } from '../disk.js';
import { joinPath } from '../disk.js';

export const CLEANER_CHECKPOINT_FILE = 'cleaner-offset-checkpoint';

export interface CleanerCheckpoint {
  cleanedOffset: number;
  deleteHorizonMs: number;
}

export const NO_CLEANER_CHECKPOINT: Readonly<CleanerCheckpoint> = Object.freeze({
  cleanedOffset: 0,
  deleteHorizonMs: -1,
});

export async function readCleanerCheckpoint(disk: Disk, dir: string): Promise<CleanerCheckpoint> {
  const path = joinPath(dir, CLEANER_CHECKPOINT_FILE);
  if (!(await disk.exists(path))) return { ...NO_CLEANER_CHECKPOINT };
  const text = (await disk.readFile(path)).toString('utf8');
  const m = /^0\ncleanedOffset (\d+)\ndeleteHorizonMs (-1|\d+)\n$/.exec(text);
  if (m === null) return { ...NO_CLEANER_CHECKPOINT };
  const cleanedOffset = Number(m[1]);
  const deleteHorizonMs = Number(m[2]);
  if (!Number.isSafeInteger(cleanedOffset) || !Number.isSafeInteger(deleteHorizonMs)) {
    return { ...NO_CLEANER_CHECKPOINT };
  }
  return { cleanedOffset, deleteHorizonMs };
}

export async function writeCleanerCheckpoint(disk: Disk, dir: string, checkpoint: CleanerCheckpoint): Promise<void> {
  const text = `0\ncleanedOffset ${checkpoint.cleanedOffset}\ndeleteHorizonMs ${checkpoint.deleteHorizonMs}\n`;
  await disk.writeFileAtomic(joinPath(dir, CLEANER_CHECKPOINT_FILE), Buffer.from(text));
}
