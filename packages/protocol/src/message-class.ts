/**
 * The shape every generated message class has, and the one-call encode/decode helpers.
 */
import { Reader } from './reader.js';
import { Writer } from './writer.js';

/** A generated message class: its static codec functions and version facts. */
export interface MessageClass<T extends object = object> {
  new (): T;
  readonly messageName: string;
  readonly lowestVersion: number;
  readonly highestVersion: number;
  readonly flexibleFrom: number;
  read(r: Reader, v: number): T;
  write(w: Writer, v: number, o: T): void;
  size(v: number, o: T): number;
}

/** Bad bytes from the outside world: a frame that does not decode. */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

/** Encodes `message` at `version` into a new buffer of exactly its size. */
export function encodeMessage<T extends object>(cls: MessageClass<T>, message: T, version: number): Buffer {
  checkVersion(cls, version);
  const w = Writer.alloc(cls.size(version, message));
  cls.write(w, version, message);
  return w.finish();
}

/** Decodes all of `buf` as `cls` at `version`; throws ProtocolError on bad or left-over bytes. */
export function decodeMessage<T extends object>(cls: MessageClass<T>, buf: Buffer, version: number): T {
  checkVersion(cls, version);
  const r = new Reader(buf);
  const message = cls.read(r, version);
  if (!r.complete()) throw new ProtocolError(`${cls.messageName} v${version}: ${r.error}`);
  return message;
}

function checkVersion(cls: MessageClass, version: number): void {
  if (!Number.isInteger(version) || version < cls.lowestVersion || version > cls.highestVersion) {
    throw new RangeError(`${cls.messageName} has no version ${version} (${cls.lowestVersion}-${cls.highestVersion})`);
  }
}
