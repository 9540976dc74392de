/**
 * The controller quorum's invariant, `controllers-agree`: every controller applies the
 * same committed metadata, so the image any controller holds at metadata offset O is
 * the image every other controller holds (or will hold) at O, whether it got there by
 * applying batches one by one or by loading a snapshot; and within one process
 * incarnation a controller's applied offset never goes back (a restart may begin again
 * from its snapshot and log, a running controller never un-applies).
 *
 * Images are compared through the records that rebuild them (imageToRecords, what a
 * snapshot holds), encoded and sorted, so that the order in which a map was filled does
 * not count as a difference.
 */
import { createHash } from 'node:crypto';
import type { MetadataImage } from '@gregor/broker/internals/metadata/image';
import { imageToRecords } from '@gregor/broker/internals/metadata/image-records';
import type { MetadataRecord } from '@gregor/broker/internals/metadata/record-serde';
import { encodeMetadataRecord } from '@gregor/broker/internals/metadata/record-serde';
import { MetadataRecordType } from '@gregor/protocol';
import { ReplicationInvariant, ReplicationInvariantViolation } from './checker.js';

const RECORD_TYPE_NAMES = new Map<number, string>(
  Object.entries(MetadataRecordType).map(([name, type]) => [type as number, name]),
);

/** The image's records, encoded, in a canonical order. */
function canonicalRecords(image: MetadataImage): { record: MetadataRecord; bytes: Buffer }[] {
  return imageToRecords(image)
    .map((record) => ({ record, bytes: encodeMetadataRecord(record) }))
    .sort((a, b) => Buffer.compare(a.bytes, b.bytes));
}

export function imageDigest(image: MetadataImage): string {
  const hash = createHash('sha256');
  for (const { bytes } of canonicalRecords(image)) hash.update(bytes);
  return hash.digest('hex');
}

function describeRecord(record: MetadataRecord): string {
  const fields = JSON.stringify(record.message, (_key, value: unknown) =>
    typeof value === 'bigint' ? value.toString() : value,
  );
  const name = RECORD_TYPE_NAMES.get(record.type) ?? `record type ${record.type}`;
  return `${name} ${fields.length > 240 ? `${fields.slice(0, 240)}...` : fields}`;
}

/** What one image has that the other lacks, record by record. */
function difference(a: MetadataImage, aName: string, b: MetadataImage, bName: string): string {
  const ra = canonicalRecords(a);
  const rb = canonicalRecords(b);
  const inB = new Set(rb.map((r) => r.bytes.toString('hex')));
  const inA = new Set(ra.map((r) => r.bytes.toString('hex')));
  const onlyA = ra.filter((r) => !inB.has(r.bytes.toString('hex'))).map((r) => describeRecord(r.record));
  const onlyB = rb.filter((r) => !inA.has(r.bytes.toString('hex'))).map((r) => describeRecord(r.record));
  const list = (records: string[]) => (records.length === 0 ? 'nothing' : `[${records.join('; ')}]`);
  return `only ${aName}'s has ${list(onlyA)}; only ${bName}'s has ${list(onlyB)}`;
}

interface AppliedImage {
  digest: string;
  image: MetadataImage;
  by: string;
}

export class ControllerChecker {
  /** The first image applied at each metadata offset, by any controller. */
  private readonly byOffset = new Map<number, AppliedImage>();
  /** `${nodeId}#${incarnation}` → the offset its image was last at. */
  private readonly applied = new Map<string, number>();
  checks = 0;

  /** A controller incarnation applied `image` (a committed batch, or a loaded snapshot). */
  observe(nodeId: number, incarnation: number, image: MetadataImage): void {
    this.checks++;
    const who = `controller ${nodeId} (incarnation ${incarnation})`;
    const key = `${nodeId}#${incarnation}`;
    const last = this.applied.get(key);
    if (last !== undefined && image.offset < last)
      throw new ReplicationInvariantViolation(
        ReplicationInvariant.CONTROLLERS_AGREE,
        `${who} went back from metadata offset ${last} to ${image.offset}`,
      );
    this.applied.set(key, image.offset);
    if (image.offset < 0) return;
    const digest = imageDigest(image);
    const known = this.byOffset.get(image.offset);
    if (known === undefined) {
      this.byOffset.set(image.offset, { digest, image, by: who });
      return;
    }
    if (known.digest !== digest)
      throw new ReplicationInvariantViolation(
        ReplicationInvariant.CONTROLLERS_AGREE,
        `${who} holds a different image at metadata offset ${image.offset} than ${known.by} applied there: ${difference(image, who, known.image, known.by)}`,
      );
  }

  /** Forgets a dead incarnation (its successor starts again from its disk). */
  forget(nodeId: number, incarnation: number): void {
    this.applied.delete(`${nodeId}#${incarnation}`);
  }
}
