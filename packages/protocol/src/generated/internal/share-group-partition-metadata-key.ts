// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: internal/ShareGroupPartitionMetadataKey.json

import { sizeOfString } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** ShareGroupPartitionMetadataKey: versions 9, flexible none. */
export class ShareGroupPartitionMetadataKey {
  static readonly messageName = 'ShareGroupPartitionMetadataKey';
  static readonly lowestVersion = 9;
  static readonly highestVersion = 9;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = -1;

  /** The group id. Versions 9-9. */
  groupId: string = "";

  static read(r: Reader, v: number): ShareGroupPartitionMetadataKey {
    const o = new ShareGroupPartitionMetadataKey();
    o.groupId = r.string();
    return o;
  }

  static write(w: Writer, v: number, o: ShareGroupPartitionMetadataKey): void {
    w.string(o.groupId);
  }

  static size(v: number, o: ShareGroupPartitionMetadataKey): number {
    let s = 0;
    s += sizeOfString(o.groupId);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: ShareGroupPartitionMetadataKey): boolean {
    return (o.groupId === "");
  }
}
