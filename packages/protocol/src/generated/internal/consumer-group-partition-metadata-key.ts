// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: internal/ConsumerGroupPartitionMetadataKey.json

import { sizeOfString } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** ConsumerGroupPartitionMetadataKey: versions 4, flexible none. */
export class ConsumerGroupPartitionMetadataKey {
  static readonly messageName = 'ConsumerGroupPartitionMetadataKey';
  static readonly lowestVersion = 4;
  static readonly highestVersion = 4;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = -1;

  /** The group id. Versions 4-4. */
  groupId: string = "";

  static read(r: Reader, v: number): ConsumerGroupPartitionMetadataKey {
    const o = new ConsumerGroupPartitionMetadataKey();
    o.groupId = r.string();
    return o;
  }

  static write(w: Writer, v: number, o: ConsumerGroupPartitionMetadataKey): void {
    w.string(o.groupId);
  }

  static size(v: number, o: ConsumerGroupPartitionMetadataKey): number {
    let s = 0;
    s += sizeOfString(o.groupId);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: ConsumerGroupPartitionMetadataKey): boolean {
    return (o.groupId === "");
  }
}
