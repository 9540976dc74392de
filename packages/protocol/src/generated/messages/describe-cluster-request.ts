// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/DescribeClusterRequest.json

import { fieldNotSupported, sizeOfTaggedFields, sizeOfUnsignedVarint, writeTaggedFieldsBelow } from '../../codec-support.js';
import type { TaggedField } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** DescribeClusterRequest: versions 0-1, flexible 0+. */
export class DescribeClusterRequest {
  static readonly messageName = 'DescribeClusterRequest';
  static readonly apiKey = 60;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 1;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = 0;

  /** Whether to include cluster authorized operations. Versions 0-1. */
  includeClusterAuthorizedOperations: boolean = false;
  /** The endpoint type to describe. 1=brokers, 2=controllers. Versions 1-1. */
  endpointType: number = 1;
  /** Tagged fields this version of the schema does not know, kept to be written back. */
  _unknownTaggedFields: TaggedField[] | null = null;

  static read(r: Reader, v: number): DescribeClusterRequest {
    const o = new DescribeClusterRequest();
    o.includeClusterAuthorizedOperations = r.bool();
    if (v >= 1) {
      o.endpointType = r.int8();
    }
    const count = r.unsignedVarint();
    for (let t = 0; t < count && r.error === null; t++) {
      const tag = r.unsignedVarint();
      const size = r.unsignedVarint();
      (o._unknownTaggedFields ??= []).push({ tag, data: r.skip(size) });
    }
    return o;
  }

  static write(w: Writer, v: number, o: DescribeClusterRequest): void {
    w.bool(o.includeClusterAuthorizedOperations);
    if (v >= 1) {
      w.int8(o.endpointType);
    }
    if (!(v >= 1)) {
      if (!(o.endpointType === 1)) throw fieldNotSupported('EndpointType', v);
    }
    const u = o._unknownTaggedFields;
    let count = u === null ? 0 : u.length;
    w.unsignedVarint(count);
    writeTaggedFieldsBelow(w, u, 0, Infinity);
  }

  static size(v: number, o: DescribeClusterRequest): number {
    let s = 0;
    s += 1;
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
  static isDefault(o: DescribeClusterRequest): boolean {
    return (o.includeClusterAuthorizedOperations === false) &&
      (o.endpointType === 1) &&
      (o._unknownTaggedFields === null || o._unknownTaggedFields.length === 0);
  }
}
