/**
 * The Kafka error codes (from `errors.tsv`) that record batch checks produce, and the one
 * exception type the record decoders throw.
 *
 * Kafka's split is kept: bytes that do not parse or fail their CRC are CORRUPT_MESSAGE
 * (`CorruptRecordException`); bytes that parse but break a rule (an offset range that does
 * not match the record count, a control batch from a client) are INVALID_RECORD
 * (`InvalidRecordException`). Clients react differently: CORRUPT_MESSAGE is retriable.
 */
export const RecordBatchErrorCode = {
  NONE: 0,
  CORRUPT_MESSAGE: 2,
  MESSAGE_TOO_LARGE: 10,
  INVALID_TIMESTAMP: 32,
  UNSUPPORTED_FOR_MESSAGE_FORMAT: 43,
  INVALID_RECORD: 87,
} as const;

export type RecordBatchErrorCode = (typeof RecordBatchErrorCode)[keyof typeof RecordBatchErrorCode];

const NAMES: Readonly<Record<RecordBatchErrorCode, string>> = {
  0: 'NONE',
  2: 'CORRUPT_MESSAGE',
  10: 'MESSAGE_TOO_LARGE',
  32: 'INVALID_TIMESTAMP',
  43: 'UNSUPPORTED_FOR_MESSAGE_FORMAT',
  87: 'INVALID_RECORD',
};

/** Kafka's name for a code, as in `errors.tsv` (for logs and messages). */
export function recordBatchErrorName(code: RecordBatchErrorCode): string {
  return NAMES[code];
}

/**
 * Bad record bytes met while decoding records (records.ts, control.ts). Decoders throw
 * nothing else for bad input: any other exception is a bug.
 */
export class RecordBatchError extends Error {
  readonly errorCode: RecordBatchErrorCode;

  constructor(errorCode: RecordBatchErrorCode, message: string) {
    super(message);
    this.name = 'RecordBatchError';
    this.errorCode = errorCode;
  }
}
