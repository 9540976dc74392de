// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/ApiVersionsResponse.json

import { sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class FinalizedFeatureKey {
  /** The name of the feature. Versions 3-4. */
  name: string = "";
  /** The cluster-wide finalized max version level for the feature. Versions 3-4. */
  maxVersionLevel: number = 0;
  /** The cluster-wide finalized min version level for the feature. Versions 3-4. */
  minVersionLevel: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): FinalizedFeatureKey {
    const o = new FinalizedFeatureKey();
    o.name = r.compactString();
    o.maxVersionLevel = r.int16();
    o.minVersionLevel = r.int16();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: FinalizedFeatureKey): void {
    w.compactString(o.name);
    w.int16(o.maxVersionLevel);
    w.int16(o.minVersionLevel);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: FinalizedFeatureKey): number {
    let s = 0;
    s += sizeOfCompactString(o.name);
    s += 2;
    s += 2;
    const u = o._unknownTaggedFields;
    let count = 0;
    if (u !== null) {
      count = u.length;
      s += sizeOfTaggedFields(u);
    }
    s += sizeOfUnsignedVarint(count);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: FinalizedFeatureKey): boolean {
    return (o.name === "") &&
      (o.maxVersionLevel === 0) &&
      (o.minVersionLevel === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class SupportedFeatureKey {
  /** The name of the feature. Versions 3-4. */
  name: string = "";
  /** The minimum supported version for the feature. Versions 3-4. */
  minVersion: number = 0;
  /** The maximum supported version for the feature. Versions 3-4. */
  maxVersion: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): SupportedFeatureKey {
    const o = new SupportedFeatureKey();
    o.name = r.compactString();
    o.minVersion = r.int16();
    o.maxVersion = r.int16();
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: SupportedFeatureKey): void {
    w.compactString(o.name);
    w.int16(o.minVersion);
    w.int16(o.maxVersion);
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: SupportedFeatureKey): number {
    let s = 0;
    s += sizeOfCompactString(o.name);
    s += 2;
    s += 2;
    const u = o._unknownTaggedFields;
    let count = 0;
    if (u !== null) {
      count = u.length;
      s += sizeOfTaggedFields(u);
    }
    s += sizeOfUnsignedVarint(count);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: SupportedFeatureKey): boolean {
    return (o.name === "") &&
      (o.minVersion === 0) &&
      (o.maxVersion === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

export class ApiVersion {
  /** The API index. Versions 0-4. */
  apiKey: number = 0;
  /** The minimum supported version, inclusive. Versions 0-4. */
  minVersion: number = 0;
  /** The maximum supported version, inclusive. Versions 0-4. */
  maxVersion: number = 0;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ApiVersion {
    const o = new ApiVersion();
    const flexible = v >= 3;
    o.apiKey = r.int16();
    o.minVersion = r.int16();
    o.maxVersion = r.int16();
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

  static write(w: Writer, v: number, o: ApiVersion): void {
    const flexible = v >= 3;
    w.int16(o.apiKey);
    w.int16(o.minVersion);
    w.int16(o.maxVersion);
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      w.unsignedVarint(count);
      writeTaggedFieldsBelow(w, u, 0, Infinity);
    }
  }

  static size(v: number, o: ApiVersion): number {
    let s = 0;
    const flexible = v >= 3;
    s += 2;
    s += 2;
    s += 2;
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
  static isDefault(o: ApiVersion): boolean {
    return (o.apiKey === 0) &&
      (o.minVersion === 0) &&
      (o.maxVersion === 0) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** ApiVersionsResponse: versions 0-4, flexible 3+. */
export class ApiVersionsResponse {
  static readonly messageName = 'ApiVersionsResponse';
  static readonly apiKey = 18;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 4;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 3;

  /** The top-level error code. Versions 0-4. */
  errorCode: number = 0;
  /** The APIs supported by the broker. Versions 0-4. */
  apiKeys: ApiVersion[] = [];
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 1-4. */
  throttleTimeMs: number = 0;
  /** Features supported by the broker. Note: in v0-v3, features with MinSupportedVersion = 0 are omitted. Versions 3-4. Tag 0. */
  supportedFeatures: SupportedFeatureKey[] = [];
  /** The monotonically increasing epoch for the finalized features information. Valid values are >= 0. A value of -1 is special and represents unknown epoch. Versions 3-4. Tag 1. */
  finalizedFeaturesEpoch: bigint = -1n;
  /** List of cluster-wide finalized features. The information is valid only if FinalizedFeaturesEpoch >= 0. Versions 3-4. Tag 2. */
  finalizedFeatures: FinalizedFeatureKey[] = [];
  /** Set by a KRaft controller if the required configurations for ZK migration are present Versions 3-4. Tag 3. */
  zkMigrationReady: boolean = false;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): ApiVersionsResponse {
    const o = new ApiVersionsResponse();
    const flexible = v >= 3;
    o.errorCode = r.int16();
    const n1 = (v >= 3 ? r.compactArrayLength() : r.arrayLength());
    if (n1 < 0) {
      r.fail('non-nullable field ApiKeys was null');
    } else {
      const a2: ApiVersion[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(ApiVersion.read(r, v));
      o.apiKeys = a2;
    }
    if (v >= 1) {
      o.throttleTimeMs = r.int32();
    }
    if (flexible) {
      const count = r.unsignedVarint();
      for (let t = 0; t < count && r.error === null; t++) {
        const tag = r.unsignedVarint();
        const size = r.unsignedVarint();
        const start = r.pos;
        if (tag === 0 && v >= 3) {
          const n4 = r.compactArrayLength();
          if (n4 < 0) {
            r.fail('non-nullable field SupportedFeatures was null');
          } else {
            const a5: SupportedFeatureKey[] = [];
            for (let i6 = 0; i6 < n4 && r.error === null; i6++) a5.push(SupportedFeatureKey.read(r, v));
            o.supportedFeatures = a5;
          }
        } else if (tag === 1 && v >= 3) {
          o.finalizedFeaturesEpoch = r.int64();
        } else if (tag === 2 && v >= 3) {
          const n7 = r.compactArrayLength();
          if (n7 < 0) {
            r.fail('non-nullable field FinalizedFeatures was null');
          } else {
            const a8: FinalizedFeatureKey[] = [];
            for (let i9 = 0; i9 < n7 && r.error === null; i9++) a8.push(FinalizedFeatureKey.read(r, v));
            o.finalizedFeatures = a8;
          }
        } else if (tag === 3 && v >= 3) {
          o.zkMigrationReady = r.bool();
        } else {
          (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
          continue;
        }
        if (r.pos - start !== size) r.fail(`tagged field ${tag} is ${size} bytes but ${r.pos - start} were read`);
      }
    }
    return o;
  }

  static write(w: Writer, v: number, o: ApiVersionsResponse): void {
    const flexible = v >= 3;
    w.int16(o.errorCode);
    if (v >= 3) w.compactArrayLength(o.apiKeys.length);
    else w.arrayLength(o.apiKeys.length);
    for (let i10 = 0; i10 < o.apiKeys.length; i10++) ApiVersion.write(w, v, o.apiKeys[i10]!);
    if (v >= 1) {
      w.int32(o.throttleTimeMs);
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = u === null ? 0 : u.length;
      const has14 = v >= 3 && !(o.supportedFeatures.length === 0);
      if (has14) count++;
      const has20 = v >= 3 && !(o.finalizedFeaturesEpoch === -1n);
      if (has20) count++;
      const has23 = v >= 3 && !(o.finalizedFeatures.length === 0);
      if (has23) count++;
      const has29 = v >= 3 && !(o.zkMigrationReady === false);
      if (has29) count++;
      w.unsignedVarint(count);
      let ui = 0;
      if (has14) {
        ui = writeTaggedFieldsBelow(w, u, ui, 0);
        w.unsignedVarint(0);
        let size15 = 0;
        size15 += sizeOfCompactLength(o.supportedFeatures.length);
        for (let i16 = 0; i16 < o.supportedFeatures.length; i16++) size15 += SupportedFeatureKey.size(v, o.supportedFeatures[i16]!);
        w.unsignedVarint(size15);
        w.compactArrayLength(o.supportedFeatures.length);
        for (let i17 = 0; i17 < o.supportedFeatures.length; i17++) SupportedFeatureKey.write(w, v, o.supportedFeatures[i17]!);
      }
      if (has20) {
        ui = writeTaggedFieldsBelow(w, u, ui, 1);
        w.unsignedVarint(1);
        let size21 = 0;
        size21 += 8;
        w.unsignedVarint(size21);
        w.int64(o.finalizedFeaturesEpoch);
      }
      if (has23) {
        ui = writeTaggedFieldsBelow(w, u, ui, 2);
        w.unsignedVarint(2);
        let size24 = 0;
        size24 += sizeOfCompactLength(o.finalizedFeatures.length);
        for (let i25 = 0; i25 < o.finalizedFeatures.length; i25++) size24 += FinalizedFeatureKey.size(v, o.finalizedFeatures[i25]!);
        w.unsignedVarint(size24);
        w.compactArrayLength(o.finalizedFeatures.length);
        for (let i26 = 0; i26 < o.finalizedFeatures.length; i26++) FinalizedFeatureKey.write(w, v, o.finalizedFeatures[i26]!);
      }
      if (has29) {
        ui = writeTaggedFieldsBelow(w, u, ui, 3);
        w.unsignedVarint(3);
        let size30 = 0;
        size30 += 1;
        w.unsignedVarint(size30);
        w.bool(o.zkMigrationReady);
      }
      writeTaggedFieldsBelow(w, u, ui, Infinity);
    }
  }

  static size(v: number, o: ApiVersionsResponse): number {
    let s = 0;
    const flexible = v >= 3;
    s += 2;
    s += (v >= 3 ? sizeOfCompactLength(o.apiKeys.length) : 4);
    for (let i13 = 0; i13 < o.apiKeys.length; i13++) s += ApiVersion.size(v, o.apiKeys[i13]!);
    if (v >= 1) {
      s += 4;
    }
    if (flexible) {
      const u = o._unknownTaggedFields;
      let count = 0;
      if (u !== null) {
        count = u.length;
        s += sizeOfTaggedFields(u);
      }
      if (v >= 3 && !(o.supportedFeatures.length === 0)) {
        count++;
        let size18 = 0;
        size18 += sizeOfCompactLength(o.supportedFeatures.length);
        for (let i19 = 0; i19 < o.supportedFeatures.length; i19++) size18 += SupportedFeatureKey.size(v, o.supportedFeatures[i19]!);
        s += sizeOfUnsignedVarint(0) + sizeOfUnsignedVarint(size18) + size18;
      }
      if (v >= 3 && !(o.finalizedFeaturesEpoch === -1n)) {
        count++;
        let size22 = 0;
        size22 += 8;
        s += sizeOfUnsignedVarint(1) + sizeOfUnsignedVarint(size22) + size22;
      }
      if (v >= 3 && !(o.finalizedFeatures.length === 0)) {
        count++;
        let size27 = 0;
        size27 += sizeOfCompactLength(o.finalizedFeatures.length);
        for (let i28 = 0; i28 < o.finalizedFeatures.length; i28++) size27 += FinalizedFeatureKey.size(v, o.finalizedFeatures[i28]!);
        s += sizeOfUnsignedVarint(2) + sizeOfUnsignedVarint(size27) + size27;
      }
      if (v >= 3 && !(o.zkMigrationReady === false)) {
        count++;
        let size31 = 0;
        size31 += 1;
        s += sizeOfUnsignedVarint(3) + sizeOfUnsignedVarint(size31) + size31;
      }
      s += sizeOfUnsignedVarint(count);
    }
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: ApiVersionsResponse): boolean {
    return (o.errorCode === 0) &&
      (o.apiKeys.length === 0) &&
      (o.throttleTimeMs === 0) &&
      (o.supportedFeatures.length === 0) &&
      (o.finalizedFeaturesEpoch === -1n) &&
      (o.finalizedFeatures.length === 0) &&
      (o.zkMigrationReady === false) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
