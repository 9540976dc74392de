/**
 * What generated codecs share: unknown tagged fields, the errors a caller's bad value
 * raises at encode time, and the size helpers.
 */
import { sizeOfUnsignedVarint } from './varint.js';
import type { Writer } from './writer.js';

export type { Uuid } from './uuid.js';
export { ZERO_UUID } from './uuid.js';
export { sizeOfUnsignedVarint } from './varint.js';
export { sizeOfCompactLength, sizeOfCompactString, sizeOfString } from './writer.js';

/** A tagged field the schema does not know (KIP-482): kept on read, written back as is. */
export interface TaggedField {
  tag: number;
  data: Buffer;
}

/** The shared empty default of `bytes` fields; never written to. */
export const EMPTY_BYTES: Buffer = Buffer.alloc(0);

/** Thrown when a message cannot be written at a version: a programming error, as in Kafka. */
export class UnsupportedVersionError extends Error {
  override name = 'UnsupportedVersionError';
}

export function nullNotAllowed(field: string, version: number): Error {
  return new UnsupportedVersionError(`${field} must not be null at version ${version}`);
}

export function fieldNotSupported(field: string, version: number): Error {
  return new UnsupportedVersionError(`${field} is not supported at version ${version} and holds a non-default value`);
}

export function sizeOfTaggedFields(fields: readonly TaggedField[]): number {
  let s = 0;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    s += sizeOfUnsignedVarint(f.tag) + sizeOfUnsignedVarint(f.data.length) + f.data.length;
  }
  return s;
}

/**
 * Writes the unknown tagged fields from index `from` whose tag is below `tag`, so that
 * known and unknown tags together go out in ascending order. Returns the next index.
 */
export function writeTaggedFieldsBelow(
  w: Writer,
  fields: readonly TaggedField[] | null,
  from: number,
  tag: number,
): number {
  if (fields === null) return from;
  let i = from;
  for (; i < fields.length; i++) {
    const f = fields[i]!;
    if (f.tag >= tag) break;
    w.unsignedVarint(f.tag);
    w.unsignedVarint(f.data.length);
    w.raw(f.data);
  }
  return i;
}
