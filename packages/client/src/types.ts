/**
 * Types shared by the producer, the consumer and the admin client, and the built-in
 * serializers. Offsets and timestamps are `number`s: they are exact up to 2^53, far
 * beyond any real log; the client checks them with `Number.isSafeInteger` where they
 * cross the wire.
 */

/** A partition of a topic. */
export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

/** A record header as it is on the wire: keys may repeat, order is kept. */
export interface RecordHeader {
  readonly key: string;
  readonly value: Buffer | null;
}

/**
 * Headers when producing: a list (keys may repeat) or an object (one value per key;
 * an array value gives the key several times, in order).
 */
export type HeadersInput =
  | readonly RecordHeader[]
  | Readonly<Record<string, string | Buffer | null | readonly (string | Buffer | null)[]>>;

/** Turns a record's key or value into bytes; `null` is written as a null key or value. */
export type Serializer<T> = (value: T, topic: string) => Buffer | null;

/** Turns a record's key or value bytes back into a value. */
export type Deserializer<T> = (data: Buffer | null, topic: string) => T;

/** Serializers for the common encodings. */
export const serializers = {
  /** Buffers as they are (the default). */
  bytes: ((value: Buffer | null) => value) as Serializer<Buffer | null>,
  /** UTF-8 text. */
  string: ((value: string | null) => (value === null ? null : Buffer.from(value, 'utf8'))) as Serializer<string | null>,
  /** JSON text in UTF-8; `null` stays a null (a tombstone for compacted topics). */
  json: ((value: unknown) =>
    value === null ? null : Buffer.from(JSON.stringify(value), 'utf8')) as Serializer<unknown>,
} as const;

/** Deserializers matching {@link serializers}. */
export const deserializers = {
  bytes: ((data: Buffer | null) => data) as Deserializer<Buffer | null>,
  string: ((data: Buffer | null) => (data === null ? null : data.toString('utf8'))) as Deserializer<string | null>,
  /** Parses JSON; a null payload gives `null`. A malformed payload throws a SyntaxError naming the topic. */
  json: ((data: Buffer | null, topic: string): unknown => {
    if (data === null) return null;
    try {
      return JSON.parse(data.toString('utf8'));
    } catch (error) {
      throw new SyntaxError(`record in '${topic}' is not JSON: ${(error as Error).message}`);
    }
  }) as Deserializer<unknown>,
} as const;

/** Normalises producer headers to the wire's ordered list. */
export function headerList(headers: HeadersInput | undefined): RecordHeader[] {
  if (headers === undefined) return [];
  if (Array.isArray(headers)) return headers as RecordHeader[];
  const list: RecordHeader[] = [];
  for (const [key, value] of Object.entries(headers as Record<string, unknown>)) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      list.push({ key, value: v === null ? null : typeof v === 'string' ? Buffer.from(v, 'utf8') : (v as Buffer) });
    }
  }
  return list;
}
