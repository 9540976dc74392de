import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FrameReader } from './frame-reader.js';

/** Size-prefixed frames, as a broker writes them. */
function frames(...bodies: Buffer[]): Buffer {
  return Buffer.concat(
    bodies.flatMap((b) => {
      const size = Buffer.alloc(4);
      size.writeInt32BE(b.length);
      return [size, b];
    }),
  );
}

function body(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (seed + i * 7) & 0xff;
  return b;
}

/** Feeds `stream` to a reader the way the socket does: each read fills at most `readSize` of the buffer it is given. */
function feed(stream: Buffer, readSize: number, scratch = 64) {
  const got: Buffer[] = [];
  const errors: string[] = [];
  const reader = new FrameReader(
    { onFrame: (f) => got.push(Buffer.from(f)), onFramingError: (m) => errors.push(m) },
    1024 * 1024,
    scratch,
  );
  const directReads: number[] = [];
  let at = 0;
  while (at < stream.length && errors.length === 0) {
    const target = reader.nextBuffer();
    const n = Math.min(readSize, target.length, stream.length - at);
    stream.copy(target, 0, at, at + n);
    at += n;
    if (target.length !== scratch) directReads.push(n);
    reader.onRead(n, target);
  }
  return { got, errors, directReads };
}

describe('FrameReader', () => {
  const bodies = [body(4, 1), body(40, 2), body(300, 3), body(5, 4), body(2000, 5), body(12, 6)];
  const stream = frames(...bodies);

  it('frames any split of the stream: split size prefixes, several frames per read, frames over many reads', () => {
    for (const readSize of [1, 2, 3, 5, 17, 64, 1000]) {
      const { got, errors } = feed(stream, readSize);
      assert.deepEqual(errors, []);
      assert.deepEqual(got, bodies, `reads of ${readSize} bytes`);
    }
  });

  it('reads the rest of a frame larger than the scratch buffer straight into it', () => {
    const { got, directReads } = feed(stream, 10_000);
    assert.deepEqual(got, bodies);
    // The 300- and 2000-byte frames began in the 64-byte scratch buffer and were finished in place.
    assert.equal(directReads.length, 2);
  });

  it('hands out copies: reusing the scratch buffer does not change frames already delivered', () => {
    const kept: Buffer[] = [];
    const reader = new FrameReader({ onFrame: (f) => kept.push(f), onFramingError: assert.fail }, 1024, 64);
    for (const b of [body(8, 9), body(8, 10)]) {
      const target = reader.nextBuffer();
      const bytes = frames(b);
      bytes.copy(target);
      reader.onRead(bytes.length, target);
    }
    assert.deepEqual(kept, [body(8, 9), body(8, 10)]);
  });

  it('refuses frame sizes below 4 or above the limit, and then stops', () => {
    for (const size of [-1, 0, 3, 1024 * 1024 + 1]) {
      const prefix = Buffer.alloc(8);
      prefix.writeInt32BE(size);
      const { got, errors } = feed(Buffer.concat([prefix, frames(body(8, 1))]), 100);
      assert.deepEqual(got, []);
      assert.deepEqual(errors, [`a response frame of ${size} bytes`]);
    }
  });

  it('delivers nothing once stopped', () => {
    const got: Buffer[] = [];
    const reader = new FrameReader({ onFrame: (f) => got.push(f), onFramingError: assert.fail }, 1024, 64);
    reader.stop();
    const target = reader.nextBuffer();
    const bytes = frames(body(8, 1));
    bytes.copy(target);
    reader.onRead(bytes.length, target);
    assert.deepEqual(got, []);
  });
});
