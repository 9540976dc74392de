// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/UpdateFeaturesRequest.json

import { fieldNotSupported, sizeOfCompactLength, sizeOfCompactString, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

export class FeatureUpdateKey {
  /** The name of the finalized feature to be updated. Versions 0-1. */
  feature: string = "";
  /** The new maximum version level for the finalized feature. A value >= 1 is valid. A value < 1, is special, and can be used to request the deletion of the finalized feature. Versions 0-1. */
  maxVersionLevel: number = 0;
  /** DEPRECATED in version 1 (see DowngradeType). When set to true, the finalized feature version level is allowed to be downgraded/deleted. The downgrade request will fail if the new maximum version level is a value that's not lower than the existing maximum finalized version level. Versions 0-0. */
  allowDowngrade: boolean = false;
  /** Determine which type of upgrade will be performed: 1 will perform an upgrade only (default), 2 is safe downgrades only (lossless), 3 is unsafe downgrades (lossy). Versions 1-1. */
  upgradeType: number = 1;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): FeatureUpdateKey {
    const o = new FeatureUpdateKey();
    o.feature = r.compactString();
    o.maxVersionLevel = r.int16();
    if (v <= 0) {
      o.allowDowngrade = r.bool();
    }
    if (v >= 1) {
      o.upgradeType = r.int8();
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: FeatureUpdateKey): void {
    w.compactString(o.feature);
    w.int16(o.maxVersionLevel);
    if (v <= 0) {
      w.bool(o.allowDowngrade);
    }
    if (!(v <= 0)) {
      if (!(o.allowDowngrade === false)) throw fieldNotSupported('AllowDowngrade', v);
    }
    if (v >= 1) {
      w.int8(o.upgradeType);
    }
    if (!(v >= 1)) {
      if (!(o.upgradeType === 1)) throw fieldNotSupported('UpgradeType', v);
    }
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: FeatureUpdateKey): number {
    let s = 0;
    s += sizeOfCompactString(o.feature);
    s += 2;
    if (v <= 0) {
      s += 1;
    }
    if (v >= 1) {
      s += 1;
    }
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
  static isDefault(o: FeatureUpdateKey): boolean {
    return (o.feature === "") &&
      (o.maxVersionLevel === 0) &&
      (o.allowDowngrade === false) &&
      (o.upgradeType === 1) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}

/** UpdateFeaturesRequest: versions 0-1, flexible 0+. */
export class UpdateFeaturesRequest {
  static readonly messageName = 'UpdateFeaturesRequest';
  static readonly apiKey = 57;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 1;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** How long to wait in milliseconds before timing out the request. Versions 0-1. */
  timeoutMs: number = 60000;
  /** The list of updates to finalized features. Versions 0-1. */
  featureUpdates: FeatureUpdateKey[] = [];
  /** True if we should validate the request, but not perform the upgrade or downgrade. Versions 1-1. */
  validateOnly: boolean = false;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): UpdateFeaturesRequest {
    const o = new UpdateFeaturesRequest();
    o.timeoutMs = r.int32();
    const n1 = r.compactArrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field FeatureUpdates was null');
    } else {
      const a2: FeatureUpdateKey[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(FeatureUpdateKey.read(r, v));
      o.featureUpdates = a2;
    }
    if (v >= 1) {
      o.validateOnly = r.bool();
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: UpdateFeaturesRequest): void {
    w.int32(o.timeoutMs);
    w.compactArrayLength(o.featureUpdates.length);
    for (let i4 = 0; i4 < o.featureUpdates.length; i4++) FeatureUpdateKey.write(w, v, o.featureUpdates[i4]!);
    if (v >= 1) {
      w.bool(o.validateOnly);
    }
    if (!(v >= 1)) {
      if (!(o.validateOnly === false)) throw fieldNotSupported('ValidateOnly', v);
    }
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: UpdateFeaturesRequest): number {
    let s = 0;
    s += 4;
    s += sizeOfCompactLength(o.featureUpdates.length);
    for (let i5 = 0; i5 < o.featureUpdates.length; i5++) s += FeatureUpdateKey.size(v, o.featureUpdates[i5]!);
    if (v >= 1) {
      s += 1;
    }
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
  static isDefault(o: UpdateFeaturesRequest): boolean {
    return (o.timeoutMs === 60000) &&
      (o.featureUpdates.length === 0) &&
      (o.validateOnly === false) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
