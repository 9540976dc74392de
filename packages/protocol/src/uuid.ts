/**
 * Kafka UUIDs (topic ids, directory ids) are 16 bytes on the wire and shown as 22
 * characters of URL-safe base64 without padding, as Kafka's `Uuid.toString()` does.
 * Gregor keeps them as those strings: comparable with `===`, usable as map keys.
 */
export type Uuid = string & { readonly __brand: 'Uuid' };

/** The all-zero UUID, Kafka's "no id". */
export const ZERO_UUID = 'AAAAAAAAAAAAAAAAAAAAAA' as Uuid;

export function uuidFromBytes(buf: Buffer, offset: number): Uuid {
  return buf.toString('base64url', offset, offset + 16) as Uuid;
}

/** Writes `uuid` as 16 bytes; throws on a string that is not a Kafka UUID. */
export function writeUuid(buf: Buffer, offset: number, uuid: Uuid): void {
  if (uuid.length !== 22 || buf.write(uuid, offset, 16, 'base64url') !== 16) {
    throw new TypeError(`not a UUID: ${JSON.stringify(uuid)}`);
  }
}

/** Kafka's reserved id of the `__cluster_metadata` topic. */
export const METADATA_TOPIC_ID = 'AAAAAAAAAAAAAAAAAAAAAQ' as Uuid;

/**
 * A random version-4 UUID, as Kafka's `Uuid.randomUuid()`: never a reserved id, and
 * never one whose string starts with '-' (it would read as a command-line flag).
 */
export function randomUuid(): Uuid {
  for (;;) {
    const bytes = Buffer.from(globalThis.crypto.randomUUID().replaceAll('-', ''), 'hex');
    const id = uuidFromBytes(bytes, 0);
    if (id !== ZERO_UUID && id !== METADATA_TOPIC_ID && !id.startsWith('-')) return id;
  }
}
