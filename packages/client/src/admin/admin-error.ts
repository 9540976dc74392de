/**
 * The one error a batch admin call throws when some of its items failed.
 */
import type { KafkaError } from '../errors.js';

/**
 * Some items of a batch admin call failed. Every item was tried: `errors` holds one
 * {@link KafkaError} per failed item, with `topic` (the topic, group or config resource
 * name) and `partition` set, and `results` holds what the call returns for the items
 * that succeeded, in input order.
 *
 * Errors that concern the whole call (no broker reachable, timeout, abort, a closed
 * admin, bad arguments) are never wrapped: they are thrown as they are.
 */
export class AdminError<R = unknown> extends AggregateError {
  override name = 'AdminError';
  declare readonly errors: KafkaError[];
  /** Results of the items that succeeded (empty for calls that return nothing). */
  readonly results: R[];

  constructor(operation: string, errors: KafkaError[], results: R[] = []) {
    const first = errors[0];
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    super(errors, `${operation}: ${errors.length} item(s) failed: ${first?.message ?? ''}${more}`);
    this.results = results;
  }
}
