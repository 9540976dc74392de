// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/AlterConfigsRequest.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class AlterableConfig {
  /** The configuration key name. Versions 0-2. */
  name: string = "";
  /** The value to set for the configuration key. Versions 0-2. */
  value: string | null = "";
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): AlterableConfig {
    const o = new AlterableConfig();
    const flexible = v >= 2;
    o.name = (v >= 2 ? r.compactString() : r.string());
    o.value = (v >= 2 ? r.compactNullableString() : r.nullableString());
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

  static write(w: Writer, v: number, o: AlterableConfig): void {
    const flexible = v >= 2;
    if (v >= 2) w.compactString(o.name);
    else w.string(o.name);
    if (v >= 2) w.compactNullableString(o.value);
    else w.nullableString(o.value);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: AlterableConfig): number {
    let s = 0;
    const flexible = v >= 2;
    s += (v >= 2 ? sizeOfCompactString(o.name) : sizeOfString(o.name));
    s += (o.value === null ? (v >= 2 ? 1 : 2) : (v >= 2 ? sizeOfCompactString(o.value) : sizeOfString(o.value)));
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
  static isDefault(o: AlterableConfig): boolean {
    return (o.name === "") &&
      (o.value === "") &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class AlterConfigsResource {
  /** The resource type. Versions 0-2. */
  resourceType: number = 0;
  /** The resource name. Versions 0-2. */
  resourceName: string = "";
  /** The configurations. Versions 0-2. */
  configs: AlterableConfig[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): AlterConfigsResource {
    const o = new AlterConfigsResource();
    const flexible = v >= 2;
    o.resourceType = r.int8();
    o.resourceName = (v >= 2 ? r.compactString() : r.string());
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Configs was null');
    } else {
      const a2: AlterableConfig[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(AlterableConfig.read(r, v));
      o.configs = a2;
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

  static write(w: Writer, v: number, o: AlterConfigsResource): void {
    const flexible = v >= 2;
    w.int8(o.resourceType);
    if (v >= 2) w.compactString(o.resourceName);
    else w.string(o.resourceName);
    if (v >= 2) w.compactArrayLength(o.configs.length);
    else w.arrayLength(o.configs.length);
    for (let i4 = 0; i4 < o.configs.length; i4++) AlterableConfig.write(w, v, o.configs[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: AlterConfigsResource): number {
    let s = 0;
    const flexible = v >= 2;
    s += 1;
    s += (v >= 2 ? sizeOfCompactString(o.resourceName) : sizeOfString(o.resourceName));
    s += (v >= 2 ? sizeOfCompactLength(o.configs.length) : 4);
    for (let i5 = 0; i5 < o.configs.length; i5++) s += AlterableConfig.size(v, o.configs[i5]!);
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
  static isDefault(o: AlterConfigsResource): boolean {
    return (o.resourceType === 0) &&
      (o.resourceName === "") &&
      (o.configs.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** AlterConfigsRequest: versions 0-2, flexible 2+. */
export class AlterConfigsRequest {
  static readonly messageName = 'AlterConfigsRequest';
  static readonly apiKey = 33;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 2;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 2;

  /** The updates for each resource. Versions 0-2. */
  resources: AlterConfigsResource[] = [];
  /** True if we should validate the request, but not change the configurations. Versions 0-2. */
  validateOnly: boolean = false;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): AlterConfigsRequest {
    const o = new AlterConfigsRequest();
    const flexible = v >= 2;
    const n1 = (v >= 2 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Resources was null');
    } else {
      const a2: AlterConfigsResource[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(AlterConfigsResource.read(r, v));
      o.resources = a2;
    }
    o.validateOnly = r.bool();
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

  static write(w: Writer, v: number, o: AlterConfigsRequest): void {
    const flexible = v >= 2;
    if (v >= 2) w.compactArrayLength(o.resources.length);
    else w.arrayLength(o.resources.length);
    for (let i4 = 0; i4 < o.resources.length; i4++) AlterConfigsResource.write(w, v, o.resources[i4]!);
    w.bool(o.validateOnly);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: AlterConfigsRequest): number {
    let s = 0;
    const flexible = v >= 2;
    s += (v >= 2 ? sizeOfCompactLength(o.resources.length) : 4);
    for (let i5 = 0; i5 < o.resources.length; i5++) s += AlterConfigsResource.size(v, o.resources[i5]!);
    s += 1;
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
  static isDefault(o: AlterConfigsRequest): boolean {
    return (o.resources.length === 0) &&
      (o.validateOnly === false) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
