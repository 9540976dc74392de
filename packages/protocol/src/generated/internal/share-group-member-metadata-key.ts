// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: internal/ShareGroupMemberMetadataKey.json

import { sizeOfString } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** ShareGroupMemberMetadataKey: versions 10, flexible none. */
export class ShareGroupMemberMetadataKey {
  static readonly messageName = 'ShareGroupMemberMetadataKey';
  static readonly lowestVersion = 10;
  static readonly highestVersion = 10;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = -1;

  /** The group id. Versions 10-10. */
  groupId: string = "";
  /** The member id. Versions 10-10. */
  memberId: string = "";

  static read(r: Reader, v: number): ShareGroupMemberMetadataKey {
    const o = new ShareGroupMemberMetadataKey();
    o.groupId = r.string();
    o.memberId = r.string();
    return o;
  }

  static write(w: Writer, v: number, o: ShareGroupMemberMetadataKey): void {
    w.string(o.groupId);
    w.string(o.memberId);
  }

  static size(v: number, o: ShareGroupMemberMetadataKey): number {
    let s = 0;
    s += sizeOfString(o.groupId);
    s += sizeOfString(o.memberId);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: ShareGroupMemberMetadataKey): boolean {
    return (o.groupId === "") &&
      (o.memberId === "");
  }
}
