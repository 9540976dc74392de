// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/FindCoordinatorRequest.json

import { fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** FindCoordinatorRequest: versions 0-6, flexible 3+. */
export class FindCoordinatorRequest {
  static readonly messageName = 'FindCoordinatorRequest';
  static readonly apiKey = 10;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 6;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 3;

  /** The coordinator key. Versions 0-3. */
  key: string = "";
  /** The coordinator key type. (Group, transaction, etc.) Versions 1-6. */
  keyType: number = 0;
  /** The coordinator keys. Versions 4-6. */
  coordinatorKeys: string[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): FindCoordinatorRequest {
    const o = new FindCoordinatorRequest();
    const flexible = v >= 3;
    if (v <= 3) {
      o.key = (v >= 3 ? r.compactString() : r.string());
    }
    if (v >= 1) {
      o.keyType = r.int8();
    }
    if (v >= 4) {
      const n1 = r.compactArrayLength();
      if (n1 < 0) {
        r.fail('non-nullable field CoordinatorKeys was null');
      } else {
        const a2: string[] = [];
        for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.compactString());
        o.coordinatorKeys = a2;
      }
    }
    if (flexible) {
      const count = r.unsignedVarint();
      for (let t = 0; t < count && r.error === null; t++) {
        const tag = r.unsignedVarint();
        const size = r.unsignedVarint();
        (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
      }
    }
    return o;
  }

  static write(w: Writer, v: number, o: FindCoordinatorRequest): void {
    const flexible = v >= 3;
    if (v <= 3) {
      if (v >= 3) w.compactString(o.key);
      else w.string(o.key);
    }
    if (!(v <= 3)) {
      if (!(o.key === "")) throw fieldNotSupported('Key', v);
    }
    if (v >= 1) {
      w.int8(o.keyType);
    }
    if (!(v >= 1)) {
      if (!(o.keyType === 0)) throw fieldNotSupported('KeyType', v);
    }
    if (v >= 4) {
      w.compactArrayLength(o.coordinatorKeys.length);
      for (let i4 = 0; i4 < o.coordinatorKeys.length; i4++) w.compactString(o.coordinatorKeys[i4]!);
    }
    if (!(v >= 4)) {
      if (!(o.coordinatorKeys.length === 0)) throw fieldNotSupported('CoordinatorKeys', v);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: FindCoordinatorRequest): number {
    let s = 0;
    const flexible = v >= 3;
    if (v <= 3) {
      s += (v >= 3 ? sizeOfCompactString(o.key) : sizeOfString(o.key));
    }
    if (v >= 1) {
      s += 1;
    }
    if (v >= 4) {
      s += sizeOfCompactLength(o.coordinatorKeys.length);
      for (let i5 = 0; i5 < o.coordinatorKeys.length; i5++) s += sizeOfCompactString(o.coordinatorKeys[i5]!);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = 0;
      if (u !== null) {
        count = u.length;
        s += sizeOfTaggedFields(u);
      }
      s += sizeOfUnsignedVarint(count);
    }
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: FindCoordinatorRequest): boolean {
    return (o.key === "") &&
      (o.keyType === 0) &&
      (o.coordinatorKeys.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
