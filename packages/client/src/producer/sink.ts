/**
 * Where a record's outcome goes. send() gets one promise per record; sendMany() one
 * promise for all its records, filled in by index as their batches complete, so a
 * thousand records cost one promise, not a thousand.
 */

/** Where a record was written. */
export interface RecordMetadata {
  readonly topic: string;
  readonly partition: number;
  /** The record's offset; -1 with acks=0 (no response). */
  readonly offset: number;
  /** The broker's log append time when the topic uses LogAppendTime, else the record's create time. */
  readonly timestamp: number;
}

export interface Sink {
  done(index: number, metadata: RecordMetadata): void;
  fail(error: Error): void;
}

/** The sink of one send(). */
export class SingleSink implements Sink {
  private readonly resolve: (metadata: RecordMetadata) => void;
  private readonly reject: (error: Error) => void;
  constructor(resolve: (metadata: RecordMetadata) => void, reject: (error: Error) => void) {
    this.resolve = resolve;
    this.reject = reject;
  }
  done(_index: number, metadata: RecordMetadata): void {
    this.resolve(metadata);
  }
  fail(error: Error): void {
    this.reject(error);
  }
}

/** The sink of one sendMany(): resolves when all records are written, rejects at the first failure. */
export class ManySink implements Sink {
  readonly results: RecordMetadata[];
  private remaining: number;
  private settled = false;
  private readonly resolve: (results: RecordMetadata[]) => void;
  private readonly reject: (error: Error) => void;
  constructor(count: number, resolve: (results: RecordMetadata[]) => void, reject: (error: Error) => void) {
    this.results = new Array<RecordMetadata>(count);
    this.remaining = count;
    this.resolve = resolve;
    this.reject = reject;
    if (count === 0) {
      this.settled = true;
      resolve(this.results);
    }
  }
  done(index: number, metadata: RecordMetadata): void {
    this.results[index] = metadata;
    if (--this.remaining === 0 && !this.settled) {
      this.settled = true;
      this.resolve(this.results);
    }
  }
  fail(error: Error): void {
    if (this.settled) return;
    this.settled = true;
    this.reject(error);
  }
}

// A shared executor captures a promise's functions without a closure per record.
let capturedResolve: ((value: never) => void) | null = null;
let capturedReject: ((error: Error) => void) | null = null;
function capture(resolve: (value: never) => void, reject: (error: Error) => void): void {
  capturedResolve = resolve;
  capturedReject = reject;
}

/** A promise and the SingleSink that settles it. */
export function singlePromise(): { promise: Promise<RecordMetadata>; sink: SingleSink } {
  const promise = new Promise<RecordMetadata>(capture);
  const sink = new SingleSink(
    capturedResolve as unknown as (metadata: RecordMetadata) => void,
    capturedReject as (error: Error) => void,
  );
  return { promise, sink };
}
