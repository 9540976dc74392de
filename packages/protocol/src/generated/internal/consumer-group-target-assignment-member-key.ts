// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: internal/ConsumerGroupTargetAssignmentMemberKey.json

import { sizeOfString } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** ConsumerGroupTargetAssignmentMemberKey: versions 7, flexible none. */
export class ConsumerGroupTargetAssignmentMemberKey {
  static readonly messageName = 'ConsumerGroupTargetAssignmentMemberKey';
  static readonly lowestVersion = 7;
  static readonly highestVersion = 7;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = -1;

  /** The group id. Versions 7-7. */
  groupId: string = "";
  /** The member id. Versions 7-7. */
  memberId: string = "";

  static read(r: Reader, v: number): ConsumerGroupTargetAssignmentMemberKey {
    const o = new ConsumerGroupTargetAssignmentMemberKey();
    o.groupId = r.string();
    o.memberId = r.string();
    return o;
  }

  static write(w: Writer, v: number, o: ConsumerGroupTargetAssignmentMemberKey): void {
    w.string(o.groupId);
    w.string(o.memberId);
  }

  static size(v: number, o: ConsumerGroupTargetAssignmentMemberKey): number {
    let s = 0;
    s += sizeOfString(o.groupId);
    s += sizeOfString(o.memberId);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: ConsumerGroupTargetAssignmentMemberKey): boolean {
    return (o.groupId === "") &&
      (o.memberId === "");
  }
}
