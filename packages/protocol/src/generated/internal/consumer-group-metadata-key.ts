// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: internal/ConsumerGroupMetadataKey.json

import { sizeOfString } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** ConsumerGroupMetadataKey: versions 3, flexible none. */
export class ConsumerGroupMetadataKey {
  static readonly messageName = 'ConsumerGroupMetadataKey';
  static readonly lowestVersion = 3;
  static readonly highestVersion = 3;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = -1;

  /** The group id. Versions 3-3. */
  groupId: string = "";

  static read(r: Reader, v: number): ConsumerGroupMetadataKey {
    const o = new ConsumerGroupMetadataKey();
    o.groupId = r.string();
    return o;
  }

  static write(w: Writer, v: number, o: ConsumerGroupMetadataKey): void {
    w.string(o.groupId);
  }

  static size(v: number, o: ConsumerGroupMetadataKey): number {
    let s = 0;
    s += sizeOfString(o.groupId);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: ConsumerGroupMetadataKey): boolean {
    return (o.groupId === "");
  }
}
