/**
 * KRaft metadata records in record values, as Kafka frames them (MetadataRecordSerde):
 * unsigned varint frame version (1), unsigned varint record type (the schema's apiKey),
 * unsigned varint record version, then the record in its schema's encoding. Keys are
 * null. One controller operation = one record batch, so it is applied all or nothing.
 */
import type { MessageClass } from '@gregor/protocol';
import { METADATA_RECORDS, Reader, sizeOfUnsignedVarint, Writer } from '@gregor/protocol';

const FRAME_VERSION = 1;

export interface MetadataRecord {
  type: number;
  version: number;
  message: object;
}

export function encodeMetadataRecord(record: MetadataRecord): Buffer {
  const cls = METADATA_RECORDS[record.type];
  if (cls === undefined) throw new Error(`unknown metadata record type ${record.type}`);
  const size =
    sizeOfUnsignedVarint(FRAME_VERSION) +
    sizeOfUnsignedVarint(record.type) +
    sizeOfUnsignedVarint(record.version) +
    cls.size(record.version, record.message);
  const w = Writer.alloc(size);
  w.unsignedVarint(FRAME_VERSION);
  w.unsignedVarint(record.type);
  w.unsignedVarint(record.version);
  cls.write(w, record.version, record.message);
  return w.finish();
}

export function decodeMetadataRecord(value: Buffer): MetadataRecord {
  const r = new Reader(value);
  const frame = r.unsignedVarint();
  const type = r.unsignedVarint();
  const version = r.unsignedVarint();
  if (r.error !== null) throw new Error(`metadata record header: ${r.error}`);
  if (frame !== FRAME_VERSION) throw new Error(`unsupported metadata record frame version ${frame}`);
  const cls: MessageClass | undefined = METADATA_RECORDS[type];
  if (cls === undefined) throw new Error(`unknown metadata record type ${type}`);
  if (version < cls.lowestVersion || version > cls.highestVersion)
    throw new Error(`${cls.messageName} has no version ${version}`);
  const message = cls.read(r, version);
  if (!r.complete()) throw new Error(`${cls.messageName} v${version}: ${r.error}`);
  return { type, version, message };
}
