/** The log cleaner: compaction passes, their scheduling, and the crash-safe segment swap. */
export type { CleanableInfo, CleanerTimer, LogCleanerOptions } from './cleaner.js';
export { cleanableInfo, dirtyRatio, LogCleaner, needsCleaning } from './cleaner.js';
export type { CleanerCheckpoint } from './cleaner-checkpoint.js';
export {
  CLEANER_CHECKPOINT_FILE,
  NO_CLEANER_CHECKPOINT,
  readCleanerCheckpoint,
  writeCleanerCheckpoint,
} from './cleaner-checkpoint.js';
export { CleanerError } from './cleaner-error.js';
export type { CleanerStats, CompactOptions } from './compact.js';
export { compactLog, OFFSET_MAP_KEYS_MAX_DEFAULT } from './compact.js';
export { CLEANED_SUFFIX, recoverInterruptedSwaps, SWAP_SUFFIX } from './swap.js';
