// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: internal/ShareGroupMetadataKey.json

import { sizeOfString } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** ShareGroupMetadataKey: versions 11, flexible none. */
export class ShareGroupMetadataKey {
  static readonly messageName = 'ShareGroupMetadataKey';
  static readonly lowestVersion = 11;
  static readonly highestVersion = 11;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = -1;

  /** The group id. Versions 11-11. */
  groupId: string = "";

  static read(r: Reader, v: number): ShareGroupMetadataKey {
    const o = new ShareGroupMetadataKey();
    o.groupId = r.string();
    return o;
  }

  static write(w: Writer, v: number, o: ShareGroupMetadataKey): void {
    w.string(o.groupId);
  }

  static size(v: number, o: ShareGroupMetadataKey): number {
    let s = 0;
    s += sizeOfString(o.groupId);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: ShareGroupMetadataKey): boolean {
    return (o.groupId === "");
  }
}
