// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/DescribeConfigsRequest.json

import { fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class DescribeConfigsResource {
  /** The resource type. Versions 0-4. */
  resourceType: number = 0;
  /** The resource name. Versions 0-4. */
  resourceName: string = "";
  /** The configuration keys to list, or null to list all configuration keys. Versions 0-4. */
  configurationKeys: string[] | null = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeConfigsResource {
    const o = new DescribeConfigsResource();
    const flexible = v >= 4;
    o.resourceType = r.int8();
    o.resourceName = (v >= 4 ? r.compactString() : r.string());
    const n1 = (v >= 4 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      o.configurationKeys = null;
    } else {
      const a2: string[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push((v >= 4 ? r.compactString() : r.string()));
      o.configurationKeys = a2;
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

  static write(w: Writer, v: number, o: DescribeConfigsResource): void {
    const flexible = v >= 4;
    w.int8(o.resourceType);
    if (v >= 4) w.compactString(o.resourceName);
    else w.string(o.resourceName);
    if (o.configurationKeys === null) (v >= 4 ? w.unsignedVarint(0) : w.int32(-1));
    else {
      if (v >= 4) w.compactArrayLength(o.configurationKeys.length);
      else w.arrayLength(o.configurationKeys.length);
      for (let i4 = 0; i4 < o.configurationKeys.length; i4++) if (v >= 4) w.compactString(o.configurationKeys[i4]!);
      else w.string(o.configurationKeys[i4]!);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DescribeConfigsResource): number {
    let s = 0;
    const flexible = v >= 4;
    s += 1;
    s += (v >= 4 ? sizeOfCompactString(o.resourceName) : sizeOfString(o.resourceName));
    if (o.configurationKeys === null) s += (v >= 4 ? 1 : 4);
    else {
      s += (v >= 4 ? sizeOfCompactLength(o.configurationKeys.length) : 4);
      for (let i5 = 0; i5 < o.configurationKeys.length; i5++) s += (v >= 4 ? sizeOfCompactString(o.configurationKeys[i5]!) : sizeOfString(o.configurationKeys[i5]!));
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
  static isDefault(o: DescribeConfigsResource): boolean {
    return (o.resourceType === 0) &&
      (o.resourceName === "") &&
      (o.configurationKeys !== null && o.configurationKeys.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** DescribeConfigsRequest: versions 0-4, flexible 4+. */
export class DescribeConfigsRequest {
  static readonly messageName = 'DescribeConfigsRequest';
  static readonly apiKey = 32;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 4;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 4;

  /** The resources whose configurations we want to describe. Versions 0-4. */
  resources: DescribeConfigsResource[] = [];
  /** True if we should include all synonyms. Versions 1-4. */
  includeSynonyms: boolean = false;
  /** True if we should include configuration documentation. Versions 3-4. */
  includeDocumentation: boolean = false;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeConfigsRequest {
    const o = new DescribeConfigsRequest();
    const flexible = v >= 4;
    const n1 = (v >= 4 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Resources was null');
    } else {
      const a2: DescribeConfigsResource[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(DescribeConfigsResource.read(r, v));
      o.resources = a2;
    }
    if (v >= 1) {
      o.includeSynonyms = r.bool();
    }
    if (v >= 3) {
      o.includeDocumentation = r.bool();
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

  static write(w: Writer, v: number, o: DescribeConfigsRequest): void {
    const flexible = v >= 4;
    if (v >= 4) w.compactArrayLength(o.resources.length);
    else w.arrayLength(o.resources.length);
    for (let i4 = 0; i4 < o.resources.length; i4++) DescribeConfigsResource.write(w, v, o.resources[i4]!);
    if (v >= 1) {
      w.bool(o.includeSynonyms);
    }
    if (!(v >= 1)) {
      if (!(o.includeSynonyms === false)) throw fieldNotSupported('IncludeSynonyms', v);
    }
    if (v >= 3) {
      w.bool(o.includeDocumentation);
    }
    if (!(v >= 3)) {
      if (!(o.includeDocumentation === false)) throw fieldNotSupported('IncludeDocumentation', v);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DescribeConfigsRequest): number {
    let s = 0;
    const flexible = v >= 4;
    s += (v >= 4 ? sizeOfCompactLength(o.resources.length) : 4);
    for (let i5 = 0; i5 < o.resources.length; i5++) s += DescribeConfigsResource.size(v, o.resources[i5]!);
    if (v >= 1) {
      s += 1;
    }
    if (v >= 3) {
      s += 1;
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
  static isDefault(o: DescribeConfigsRequest): boolean {
    return (o.resources.length === 0) &&
      (o.includeSynonyms === false) &&
      (o.includeDocumentation === false) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
