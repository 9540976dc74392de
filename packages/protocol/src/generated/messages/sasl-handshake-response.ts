// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/SaslHandshakeResponse.json

import { sizeOfString } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** SaslHandshakeResponse: versions 0-1, flexible none. */
export class SaslHandshakeResponse {
  static readonly messageName = 'SaslHandshakeResponse';
  static readonly apiKey = 17;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 1;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = -1;

  /** The error code, or 0 if there was no error. Versions 0-1. */
  errorCode: number = 0;
  /** The mechanisms enabled in the server. Versions 0-1. */
  mechanisms: string[] = [];

  static read(r: Reader, v: number): SaslHandshakeResponse {
    const o = new SaslHandshakeResponse();
    o.errorCode = r.int16();
    const n1 = r.arrayLength();
    if (n1 < 0) {
      r.fail('non-nullable field Mechanisms was null');
    } else {
      const a2: string[] = [];
      for (let i3 = 0; i3 < n1 && r.error === null; i3++) a2.push(r.string());
      o.mechanisms = a2;
    }
    return o;
  }

  static write(w: Writer, v: number, o: SaslHandshakeResponse): void {
    w.int16(o.errorCode);
    w.arrayLength(o.mechanisms.length);
    for (let i4 = 0; i4 < o.mechanisms.length; i4++) w.string(o.mechanisms[i4]!);
  }

  static size(v: number, o: SaslHandshakeResponse): number {
    let s = 0;
    s += 2;
    s += 4;
    for (let i5 = 0; i5 < o.mechanisms.length; i5++) s += sizeOfString(o.mechanisms[i5]!);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: SaslHandshakeResponse): boolean {
    return (o.errorCode === 0) &&
      (o.mechanisms.length === 0);
  }
}
