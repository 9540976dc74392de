// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/AlterReplicaLogDirsRequest.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class AlterReplicaLogDirTopic {
  /** The topic name. Versions 0-2. */
  name: string = "";
  /** The partition indexes. Versions 0-2. */
  partitions: number[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): AlterReplicaLogDirTopic {
    const o = new AlterReplicaLogDirTopic();
    const flexible = v >= 2;
    o.name = (v >= 2 ? r.compactString() : r.string());
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Partitions was null');
    } else {
      const a2: number[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.int32());
      o.partitions = a2;
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

  static write(w: Writer, v: number, o: AlterReplicaLogDirTopic): void {
    const flexible = v >= 2;
    if (v >= 2) w.compactString(o.name);
    else w.string(o.name);
    if (v >= 2) w.compactArrayLength(o.partitions.length);
    else w.arrayLength(o.partitions.length);
    for (let i4 = 0; i4 < o.partitions.length; i4++) w.int32(o.partitions[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: AlterReplicaLogDirTopic): number {
    let s = 0;
    const flexible = v >= 2;
    s += (v >= 2 ? sizeOfCompactString(o.name) : sizeOfString(o.name));
    s += (v >= 2 ? sizeOfCompactLength(o.partitions.length) : 4) + o.partitions.length * 4;
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
  static isDefault(o: AlterReplicaLogDirTopic): boolean {
    return (o.name === "") &&
      (o.partitions.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class AlterReplicaLogDir {
  /** The absolute directory path. Versions 0-2. */
  path: string = "";
  /** The topics to add to the directory. Versions 0-2. */
  topics: AlterReplicaLogDirTopic[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): AlterReplicaLogDir {
    const o = new AlterReplicaLogDir();
    const flexible = v >= 2;
    o.path = (v >= 2 ? r.compactString() : r.string());
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Topics was null');
    } else {
      const a2: AlterReplicaLogDirTopic[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(AlterReplicaLogDirTopic.read(r, v));
      o.topics = a2;
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

  static write(w: Writer, v: number, o: AlterReplicaLogDir): void {
    const flexible = v >= 2;
    if (v >= 2) w.compactString(o.path);
    else w.string(o.path);
    if (v >= 2) w.compactArrayLength(o.topics.length);
    else w.arrayLength(o.topics.length);
    for (let i4 = 0; i4 < o.topics.length; i4++) AlterReplicaLogDirTopic.write(w, v, o.topics[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: AlterReplicaLogDir): number {
    let s = 0;
    const flexible = v >= 2;
    s += (v >= 2 ? sizeOfCompactString(o.path) : sizeOfString(o.path));
    s += (v >= 2 ? sizeOfCompactLength(o.topics.length) : 4);
    for (let i5 = 0; i5 < o.topics.length; i5++) s += AlterReplicaLogDirTopic.size(v, o.topics[i5]!);
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
  static isDefault(o: AlterReplicaLogDir): boolean {
    return (o.path === "") &&
      (o.topics.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** AlterReplicaLogDirsRequest: versions 0-2, flexible 2+. */
export class AlterReplicaLogDirsRequest {
  static readonly messageName = 'AlterReplicaLogDirsRequest';
  static readonly apiKey = 34;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 2;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 2;

  /** The alterations to make for each directory. Versions 0-2. */
  dirs: AlterReplicaLogDir[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): AlterReplicaLogDirsRequest {
    const o = new AlterReplicaLogDirsRequest();
    const flexible = v >= 2;
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Dirs was null');
    } else {
      const a2: AlterReplicaLogDir[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(AlterReplicaLogDir.read(r, v));
      o.dirs = a2;
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

  static write(w: Writer, v: number, o: AlterReplicaLogDirsRequest): void {
    const flexible = v >= 2;
    if (v >= 2) w.compactArrayLength(o.dirs.length);
    else w.arrayLength(o.dirs.length);
    for (let i4 = 0; i4 < o.dirs.length; i4++) AlterReplicaLogDir.write(w, v, o.dirs[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: AlterReplicaLogDirsRequest): number {
    let s = 0;
    const flexible = v >= 2;
    s += (v >= 2 ? sizeOfCompactLength(o.dirs.length) : 4);
    for (let i5 = 0; i5 < o.dirs.length; i5++) s += AlterReplicaLogDir.size(v, o.dirs[i5]!);
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
  static isDefault(o: AlterReplicaLogDirsRequest): boolean {
    return (o.dirs.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
