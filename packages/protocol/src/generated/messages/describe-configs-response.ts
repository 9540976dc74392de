// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/DescribeConfigsResponse.json

import { fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class DescribeConfigsSynonym {
  /** The synonym name. Versions 1-4. */
  name: string = "";
  /** The synonym value. Versions 1-4. */
  value: string | null = "";
  /** The synonym source. Versions 1-4. */
  source: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeConfigsSynonym {
    const o = new DescribeConfigsSynonym();
    const flexible = v >= 4;
    o.name = (v >= 4 ? r.compactString() : r.string());
    o.value = (v >= 4 ? r.compactNullableString() : r.nullableString());
    o.source = r.int8();
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

  static write(w: Writer, v: number, o: DescribeConfigsSynonym): void {
    const flexible = v >= 4;
    if (v >= 4) w.compactString(o.name);
    else w.string(o.name);
    if (v >= 4) w.compactNullableString(o.value);
    else w.nullableString(o.value);
    w.int8(o.source);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DescribeConfigsSynonym): number {
    let s = 0;
    const flexible = v >= 4;
    s += (v >= 4 ? sizeOfCompactString(o.name) : sizeOfString(o.name));
    s += (o.value === null ? (v >= 4 ? 1 : 2) : (v >= 4 ? sizeOfCompactString(o.value) : sizeOfString(o.value)));
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
  static isDefault(o: DescribeConfigsSynonym): boolean {
    return (o.name === "") &&
      (o.value === "") &&
      (o.source === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class DescribeConfigsResourceResult {
  /** The configuration name. Versions 0-4. */
  name: string = "";
  /** The configuration value. Versions 0-4. */
  value: string | null = "";
  /** True if the configuration is read-only. Versions 0-4. */
  readOnly: boolean = false;
  /** True if the configuration is not set. Versions 0-0. */
  isDefault: boolean = false;
  /** The configuration source. Versions 1-4. */
  configSource: number = -1;
  /** True if this configuration is sensitive. Versions 0-4. */
  isSensitive: boolean = false;
  /** The synonyms for this configuration key. Versions 1-4. */
  synonyms: DescribeConfigsSynonym[] = [];
  /** The configuration data type. Type can be one of the following values - BOOLEAN, STRING, INT, SHORT, LONG, DOUBLE, LIST, CLASS, PASSWORD Versions 3-4. */
  configType: number = 0;
  /** The configuration documentation. Versions 3-4. */
  documentation: string | null = "";
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeConfigsResourceResult {
    const o = new DescribeConfigsResourceResult();
    const flexible = v >= 4;
    o.name = (v >= 4 ? r.compactString() : r.string());
    o.value = (v >= 4 ? r.compactNullableString() : r.nullableString());
    o.readOnly = r.bool();
    if (v <= 0) {
      o.isDefault = r.bool();
    }
    if (v >= 1) {
      o.configSource = r.int8();
    }
    o.isSensitive = r.bool();
    if (v >= 1) {
      const n1 = (v >= 4 ? r.compactArrayLength() : r.arrayLength());
      if (n1 < 0) {
        r.fail('non-nullable field Synonyms was null');
      } else {
        const a2: DescribeConfigsSynonym[] = [];
        for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(DescribeConfigsSynonym.read(r, v));
        o.synonyms = a2;
      }
    }
    if (v >= 3) {
      o.configType = r.int8();
    }
    if (v >= 3) {
      o.documentation = (v >= 4 ? r.compactNullableString() : r.nullableString());
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

  static write(w: Writer, v: number, o: DescribeConfigsResourceResult): void {
    const flexible = v >= 4;
    if (v >= 4) w.compactString(o.name);
    else w.string(o.name);
    if (v >= 4) w.compactNullableString(o.value);
    else w.nullableString(o.value);
    w.bool(o.readOnly);
    if (v <= 0) {
      w.bool(o.isDefault);
    }
    if (!(v <= 0)) {
      if (!(o.isDefault === false)) throw fieldNotSupported('IsDefault', v);
    }
    if (v >= 1) {
      w.int8(o.configSource);
    }
    w.bool(o.isSensitive);
    if (v >= 1) {
      if (v >= 4) w.compactArrayLength(o.synonyms.length);
      else w.arrayLength(o.synonyms.length);
      for (let i4 = 0; i4 < o.synonyms.length; i4++) DescribeConfigsSynonym.write(w, v, o.synonyms[i4]!);
    }
    if (v >= 3) {
      w.int8(o.configType);
    }
    if (v >= 3) {
      if (v >= 4) w.compactNullableString(o.documentation);
      else w.nullableString(o.documentation);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DescribeConfigsResourceResult): number {
    let s = 0;
    const flexible = v >= 4;
    s += (v >= 4 ? sizeOfCompactString(o.name) : sizeOfString(o.name));
    s += (o.value === null ? (v >= 4 ? 1 : 2) : (v >= 4 ? sizeOfCompactString(o.value) : sizeOfString(o.value)));
    s += 1;
    if (v <= 0) {
      s += 1;
    }
    if (v >= 1) {
      s += 1;
    }
    s += 1;
    if (v >= 1) {
      s += (v >= 4 ? sizeOfCompactLength(o.synonyms.length) : 4);
      for (let i5 = 0; i5 < o.synonyms.length; i5++) s += DescribeConfigsSynonym.size(v, o.synonyms[i5]!);
    }
    if (v >= 3) {
      s += 1;
    }
    if (v >= 3) {
      s += (o.documentation === null ? (v >= 4 ? 1 : 2) : (v >= 4 ? sizeOfCompactString(o.documentation) : sizeOfString(o.documentation)));
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
  static isDefault(o: DescribeConfigsResourceResult): boolean {
    return (o.name === "") &&
      (o.value === "") &&
      (o.readOnly === false) &&
      (o.isDefault === false) &&
      (o.configSource === -1) &&
      (o.isSensitive === false) &&
      (o.synonyms.length === 0) &&
      (o.configType === 0) &&
      (o.documentation === "") &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class DescribeConfigsResult {
  /** The error code, or 0 if we were able to successfully describe the configurations. Versions 0-4. */
  errorCode: number = 0;
  /** The error message, or null if we were able to successfully describe the configurations. Versions 0-4. */
  errorMessage: string | null = "";
  /** The resource type. Versions 0-4. */
  resourceType: number = 0;
  /** The resource name. Versions 0-4. */
  resourceName: string = "";
  /** Each listed configuration. Versions 0-4. */
  configs: DescribeConfigsResourceResult[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeConfigsResult {
    const o = new DescribeConfigsResult();
    const flexible = v >= 4;
    o.errorCode = r.int16();
    o.errorMessage = (v >= 4 ? r.compactNullableString() : r.nullableString());
    o.resourceType = r.int8();
    o.resourceName = (v >= 4 ? r.compactString() : r.string());
    const n1 = (v >= 4 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Configs was null');
    } else {
      const a2: DescribeConfigsResourceResult[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(DescribeConfigsResourceResult.read(r, v));
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

  static write(w: Writer, v: number, o: DescribeConfigsResult): void {
    const flexible = v >= 4;
    w.int16(o.errorCode);
    if (v >= 4) w.compactNullableString(o.errorMessage);
    else w.nullableString(o.errorMessage);
    w.int8(o.resourceType);
    if (v >= 4) w.compactString(o.resourceName);
    else w.string(o.resourceName);
    if (v >= 4) w.compactArrayLength(o.configs.length);
    else w.arrayLength(o.configs.length);
    for (let i4 = 0; i4 < o.configs.length; i4++) DescribeConfigsResourceResult.write(w, v, o.configs[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DescribeConfigsResult): number {
    let s = 0;
    const flexible = v >= 4;
    s += 2;
    s += (o.errorMessage === null ? (v >= 4 ? 1 : 2) : (v >= 4 ? sizeOfCompactString(o.errorMessage) : sizeOfString(o.errorMessage)));
    s += 1;
    s += (v >= 4 ? sizeOfCompactString(o.resourceName) : sizeOfString(o.resourceName));
    s += (v >= 4 ? sizeOfCompactLength(o.configs.length) : 4);
    for (let i5 = 0; i5 < o.configs.length; i5++) s += DescribeConfigsResourceResult.size(v, o.configs[i5]!);
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
  static isDefault(o: DescribeConfigsResult): boolean {
    return (o.errorCode === 0) &&
      (o.errorMessage === "") &&
      (o.resourceType === 0) &&
      (o.resourceName === "") &&
      (o.configs.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** DescribeConfigsResponse: versions 0-4, flexible 4+. */
export class DescribeConfigsResponse {
  static readonly messageName = 'DescribeConfigsResponse';
  static readonly apiKey = 32;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 4;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 4;

  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0-4. */
  throttleTimeMs: number = 0;
  /** The results for each resource. Versions 0-4. */
  results: DescribeConfigsResult[] = [];
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeConfigsResponse {
    const o = new DescribeConfigsResponse();
    const flexible = v >= 4;
    o.throttleTimeMs = r.int32();
    const n1 = (v >= 4 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field Results was null');
    } else {
      const a2: DescribeConfigsResult[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(DescribeConfigsResult.read(r, v));
      o.results = a2;
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

  static write(w: Writer, v: number, o: DescribeConfigsResponse): void {
    const flexible = v >= 4;
    w.int32(o.throttleTimeMs);
    if (v >= 4) w.compactArrayLength(o.results.length);
    else w.arrayLength(o.results.length);
    for (let i4 = 0; i4 < o.results.length; i4++) DescribeConfigsResult.write(w, v, o.results[i4]!);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: DescribeConfigsResponse): number {
    let s = 0;
    const flexible = v >= 4;
    s += 4;
    s += (v >= 4 ? sizeOfCompactLength(o.results.length) : 4);
    for (let i5 = 0; i5 < o.results.length; i5++) s += DescribeConfigsResult.size(v, o.results[i5]!);
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
  static isDefault(o: DescribeConfigsResponse): boolean {
    return (o.throttleTimeMs === 0) &&
      (o.results.length === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
