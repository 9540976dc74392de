// GENERATED - DO NOT EDIT. Written by tools/protocol-gen from ../shared/kafka-protocol.
// Source: messages/SaslHandshakeRequest.json

import { sizeOfString } from '../../codec-support.js';
import type { Reader } from '../../reader.js';
import type { Writer } from '../../writer.js';

/** SaslHandshakeRequest: versions 0-1, flexible none. */
export class SaslHandshakeRequest {
  static readonly messageName = 'SaslHandshakeRequest';
  static readonly apiKey = 17;
  static readonly lowestVersion = 0;
  static readonly highestVersion = 1;
  /** First flexible version (compact encodings, tagged fields); -1 if none. */
  static readonly flexibleFrom = -1;

  /** The SASL mechanism chosen by the client. Versions 0-1. */
  mechanism: string = "";

  static read(r: Reader, v: number): SaslHandshakeRequest {
    const o = new SaslHandshakeRequest();
    o.mechanism = r.string();
    return o;
  }

  static write(w: Writer, v: number, o: SaslHandshakeRequest): void {
    w.string(o.mechanism);
  }

  static size(v: number, o: SaslHandshakeRequest): number {
    let s = 0;
    s += sizeOfString(o.mechanism);
    return s;
  }

  /** True when every field holds its default value. */
  static isDefault(o: SaslHandshakeRequest): boolean {
    return (o.mechanism === "");
  }
}
