// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: internal/ConsumerGroupMemberMetadataKey.json

import { sizeOfString } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** ConsumerGroupMemberMetadataKey: versions 5, flexible none. */
export class ConsumerGroupMemberMetadataKey {
  static readonly messageName = 'ConsumerGroupMemberMetadataKey';
  static readonly lowestVersion = 5;
  static readonly highestVersion = 5;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = -1;

  /** The group id. Versions 5-5. */
  groupId: string = "";
  /** The member id. Versions 5-5. */
  memberId: string = "";

  static read(r: Reader, v: number): ConsumerGroupMemberMetadataKey {
    const o = new ConsumerGroupMemberMetadataKey();
    o.groupId = r.string();
    o.memberId = r.string();
    return o;
  }

  static write(w: Writer, v: number, o: ConsumerGroupMemberMetadataKey): void {
    w.string(o.groupId);
    w.string(o.memberId);
  }

  static size(v: number, o: ConsumerGroupMemberMetadataKey): number {
    let s = 0;
    s += sizeOfString(o.groupId);
    s += sizeOfString(o.memberId);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: ConsumerGroupMemberMetadataKey): boolean {
    return (o.groupId === "") &&
      (o.memberId === "");
  }
}
