/**
 * Why a cleaning pass stopped without finishing: a segment that does not read back as
 * whole, valid batches, or a log that changed under the cleaner. The pass leaves the log
 * as it was (or with some groups cleaned, which is as correct) and does not move the
 * cleaner checkpoint.
 */
export class CleanerError extends Error {
  override name = 'CleanerError';
}
