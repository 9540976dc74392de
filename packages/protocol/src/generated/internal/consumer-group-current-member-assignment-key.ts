// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: internal/ConsumerGroupCurrentMemberAssignmentKey.json

import { sizeOfString } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** ConsumerGroupCurrentMemberAssignmentKey: versions 8, flexible none. */
export class ConsumerGroupCurrentMemberAssignmentKey {
  static readonly messageName = 'ConsumerGroupCurrentMemberAssignmentKey';
  static readonly lowestVersion = 8;
  static readonly highestVersion = 8;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = -1;

  /** The group id. Versions 8-8. */
  groupId: string = "";
  /** The member id. Versions 8-8. */
  memberId: string = "";

  static read(r: Reader, v: number): ConsumerGroupCurrentMemberAssignmentKey {
    const o = new ConsumerGroupCurrentMemberAssignmentKey();
    o.groupId = r.string();
    o.memberId = r.string();
    return o;
  }

  static write(w: Writer, v: number, o: ConsumerGroupCurrentMemberAssignmentKey): void {
    w.string(o.groupId);
    w.string(o.memberId);
  }

  static size(v: number, o: ConsumerGroupCurrentMemberAssignmentKey): number {
    let s = 0;
    s += sizeOfString(o.groupId);
    s += sizeOfString(o.memberId);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: ConsumerGroupCurrentMemberAssignmentKey): boolean {
    return (o.groupId === "") &&
      (o.memberId === "");
  }
}
