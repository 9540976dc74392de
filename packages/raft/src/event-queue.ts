/**
 * One queue through which every inbound RPC, response, timer and caller request runs, so
 * no two handlers interleave across an `await` (KRaft runs on one thread for the same
 * reason). A task must never wait on the network, or the queue would stall behind it.
 */
export class EventQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Resolves once every task queued so far has finished. */
  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}
