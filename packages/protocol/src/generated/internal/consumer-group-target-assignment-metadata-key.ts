// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: internal/ConsumerGroupTargetAssignmentMetadataKey.json

import { sizeOfString } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** ConsumerGroupTargetAssignmentMetadataKey: versions 6, flexible none. */
export class ConsumerGroupTargetAssignmentMetadataKey {
  static readonly messageName = 'ConsumerGroupTargetAssignmentMetadataKey';
  static readonly lowestVersion = 6;
  static readonly highestVersion = 6;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = -1;

  /** The group id. Versions 6-6. */
  groupId: string = "";

  static read(r: Reader, v: number): ConsumerGroupTargetAssignmentMetadataKey {
    const o = new ConsumerGroupTargetAssignmentMetadataKey();
    o.groupId = r.string();
    return o;
  }

  static write(w: Writer, v: number, o: ConsumerGroupTargetAssignmentMetadataKey): void {
    w.string(o.groupId);
  }

  static size(v: number, o: ConsumerGroupTargetAssignmentMetadataKey): number {
    let s = 0;
    s += sizeOfString(o.groupId);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: ConsumerGroupTargetAssignmentMetadataKey): boolean {
    return (o.groupId === "");
  }
}
