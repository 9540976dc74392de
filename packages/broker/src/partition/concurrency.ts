/**
 * Runs `task` over `items` with at most `limit` running at once (opening or closing
 * many partition logs: their file operations overlap instead of queueing one by one,
 * without opening thousands of files at the same moment).
 */
export async function forEachLimited<T>(
  items: Iterable<T>,
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  const iterator = items[Symbol.iterator]();
  const worker = async (): Promise<void> => {
    for (let next = iterator.next(); !next.done; next = iterator.next()) await task(next.value);
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
}
