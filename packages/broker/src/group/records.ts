/**
 * The records of `__consumer_offsets`, in Kafka's format: a key is an int16 key version
 * followed by the key struct, a value an int16 value version followed by the value
 * struct, and a null value (a tombstone) deletes what the key names. Key versions 0 and 1
 * are offset commits, 2 is group metadata; later key versions belong to KIP-848 consumer
 * groups and KIP-932 share groups, which Gregor does not have: the loader skips them.
 *
 * Written at the versions Kafka 3.9 writes (MetadataVersion 3.9): OffsetCommitKey v1,
 * OffsetCommitValue v3 (v1 when the commit carries an expire timestamp, from the
 * retention time of OffsetCommit v2-4), GroupMetadataKey v2, GroupMetadataValue v3.
 */
import { Reader, Writer } from '@gregor/protocol';
import { GroupMetadataKey } from '@gregor/protocol/generated/internal/group-metadata-key';
import { GroupMetadataValue, MemberMetadata } from '@gregor/protocol/generated/internal/group-metadata-value';
import { OffsetCommitKey } from '@gregor/protocol/generated/internal/offset-commit-key';
import { OffsetCommitValue } from '@gregor/protocol/generated/internal/offset-commit-value';

export { GroupMetadataValue, MemberMetadata };

export const OFFSET_COMMIT_KEY_VERSION = 1;
export const GROUP_METADATA_KEY_VERSION = 2;
export const OFFSET_COMMIT_VALUE_VERSION = 3;
/** The OffsetCommitValue version with an expire timestamp (commits with a retention time). */
export const OFFSET_COMMIT_VALUE_VERSION_WITH_EXPIRY = 1;
export const GROUP_METADATA_VALUE_VERSION = 3;

/** A committed offset as the coordinator keeps it (Kafka's OffsetAndMetadata). */
export interface OffsetAndMetadata {
  offset: bigint;
  /** -1: none. */
  leaderEpoch: number;
  metadata: string;
  commitTimestampMs: number;
  /** Set only by OffsetCommit v2-4 with a retention time (Kafka's old per-commit expiry). */
  expireTimestampMs: number | null;
}

/** One record of the topic: key and value bytes (null value: tombstone). */
export interface OffsetsRecord {
  key: Buffer;
  value: Buffer | null;
}

interface Codec<T> {
  size(v: number, o: T): number;
  write(w: Writer, v: number, o: T): void;
}

/** A record key or value: the int16 schema version, then the struct. */
export function versioned<T>(codec: Codec<T>, version: number, o: T): Buffer {
  const w = Writer.alloc(2 + codec.size(version, o));
  w.int16(version);
  codec.write(w, version, o);
  return w.finish();
}

export function offsetCommitKey(group: string, topic: string, partition: number): Buffer {
  const k = new OffsetCommitKey();
  k.group = group;
  k.topic = topic;
  k.partition = partition;
  return versioned(OffsetCommitKey, OFFSET_COMMIT_KEY_VERSION, k);
}

export function offsetCommitValue(o: OffsetAndMetadata): Buffer {
  const v = new OffsetCommitValue();
  v.offset = o.offset;
  v.leaderEpoch = o.leaderEpoch;
  v.metadata = o.metadata;
  v.commitTimestamp = BigInt(o.commitTimestampMs);
  if (o.expireTimestampMs !== null) {
    v.expireTimestamp = BigInt(o.expireTimestampMs);
    return versioned(OffsetCommitValue, OFFSET_COMMIT_VALUE_VERSION_WITH_EXPIRY, v);
  }
  return versioned(OffsetCommitValue, OFFSET_COMMIT_VALUE_VERSION, v);
}

export function offsetCommitRecord(group: string, topic: string, partition: number, o: OffsetAndMetadata | null) {
  return { key: offsetCommitKey(group, topic, partition), value: o === null ? null : offsetCommitValue(o) };
}

export function groupMetadataKey(group: string): Buffer {
  const k = new GroupMetadataKey();
  k.group = group;
  return versioned(GroupMetadataKey, GROUP_METADATA_KEY_VERSION, k);
}

export function groupMetadataRecord(group: string, value: GroupMetadataValue | null): OffsetsRecord {
  return {
    key: groupMetadataKey(group),
    value: value === null ? null : versioned(GroupMetadataValue, GROUP_METADATA_VALUE_VERSION, value),
  };
}

export type ParsedRecord =
  | { type: 'offset'; group: string; topic: string; partition: number; value: OffsetAndMetadata | null }
  | { type: 'group'; group: string; value: GroupMetadataValue | null }
  | { type: 'other'; keyVersion: number };

/** Thrown for a record that is not in Kafka's format (the loader logs it and goes on). */
export class OffsetsRecordError extends Error {}

function readStruct<T>(
  codec: { read(r: Reader, v: number): T; lowestVersion: number; highestVersion: number },
  buf: Buffer,
  what: string,
): T {
  const r = new Reader(buf);
  const version = r.int16();
  if (r.error !== null) throw new OffsetsRecordError(`${what}: ${r.error}`);
  // A newer Kafka may write a higher version with the same prefix (KIP-915): read what we know.
  const v = Math.min(Math.max(version, codec.lowestVersion), codec.highestVersion);
  if (version < 0) throw new OffsetsRecordError(`${what}: version ${version}`);
  const o = codec.read(r, v);
  if (r.error !== null) throw new OffsetsRecordError(`${what} v${version}: ${r.error}`);
  return o;
}

export function parseRecord(key: Buffer | null, value: Buffer | null): ParsedRecord {
  if (key === null || key.length < 2) throw new OffsetsRecordError('a record of __consumer_offsets has no key');
  const keyVersion = key.readInt16BE(0);
  if (keyVersion === 0 || keyVersion === 1) {
    const k = readStruct(OffsetCommitKey, key, 'OffsetCommitKey');
    if (value === null) return { type: 'offset', group: k.group, topic: k.topic, partition: k.partition, value: null };
    const v = readStruct(OffsetCommitValue, value, 'OffsetCommitValue');
    return {
      type: 'offset',
      group: k.group,
      topic: k.topic,
      partition: k.partition,
      value: {
        offset: v.offset,
        leaderEpoch: v.leaderEpoch,
        metadata: v.metadata,
        commitTimestampMs: Number(v.commitTimestamp),
        expireTimestampMs: v.expireTimestamp === -1n ? null : Number(v.expireTimestamp),
      },
    };
  }
  if (keyVersion === 2) {
    const k = readStruct(GroupMetadataKey, key, 'GroupMetadataKey');
    return {
      type: 'group',
      group: k.group,
      value: value === null ? null : readStruct(GroupMetadataValue, value, 'GroupMetadataValue'),
    };
  }
  return { type: 'other', keyVersion };
}
