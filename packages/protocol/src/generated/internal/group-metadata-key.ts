// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: internal/GroupMetadataKey.json

import { sizeOfString } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** GroupMetadataKey: versions 2, flexible none. */
export class GroupMetadataKey {
  static readonly messageName = 'GroupMetadataKey';
  static readonly lowestVersion = 2;
  static readonly highestVersion = 2;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = -1;

  /** Versions 2-2. */
  group: string = "";

  static read(r: Reader, v: number): GroupMetadataKey {
    const o = new GroupMetadataKey();
    o.group = r.string();
    return o;
  }

  static write(w: Writer, v: number, o: GroupMetadataKey): void {
    w.string(o.group);
  }

  static size(v: number, o: GroupMetadataKey): number {
    let s = 0;
    s += sizeOfString(o.group);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: GroupMetadataKey): boolean {
    return (o.group === "");
  }
}
