// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: internal/OffsetCommitKey.json

import { sizeOfString } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** OffsetCommitKey: versions 0-1, flexible none. */
export class OffsetCommitKey {
  static readonly messageName = 'OffsetCommitKey';
  static readonly lowestVersion = 0;
  static readonly highestVersion = 1;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = -1;

  /** Versions 0-1. */
  group: string = "";
  /** Versions 0-1. */
  topic: string = "";
  /** Versions 0-1. */
  partition: number = 0;

  static read(r: Reader, v: number): OffsetCommitKey {
    const o = new OffsetCommitKey();
    o.group = r.string();
    o.topic = r.string();
    o.partition = r.int32();
    return o;
  }

  static write(w: Writer, v: number, o: OffsetCommitKey): void {
    w.string(o.group);
    w.string(o.topic);
    w.int32(o.partition);
  }

  static size(v: number, o: OffsetCommitKey): number {
    let s = 0;
    s += sizeOfString(o.group);
    s += sizeOfString(o.topic);
    s += 4;
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: OffsetCommitKey): boolean {
    return (o.group === "") &&
      (o.topic === "") &&
      (o.partition === 0);
  }
}
