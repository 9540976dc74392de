/**
 * All file I/O of the storage engine goes through `Disk`, so tests and the simulator
 * can run the same code on an in-memory disk that fails writes, writes short, and
 * crashes (dropping every byte that was not fsynced).
 *
 * Paths are plain strings joined with '/'. Directory operations (create, rename,
 * unlink) are durable when their promise settles: the real disk fsyncs the directory
 * where it matters (`writeFileAtomic`, `rename`), the memory disk treats them as
 * durable at once. File contents are durable only after `sync()`.
 */
import type { FileHandle } from 'node:fs/promises';
import { mkdir, open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';

export interface DiskFile {
  readonly path: string;
  /** Current length in bytes (including bytes not yet synced). */
  size(): Promise<number>;
  /** Reads up to `length` bytes at `position` into `buf[offset..]`; returns bytes read (0 at end). */
  read(buf: Buffer, offset: number, length: number, position: number): Promise<number>;
  /** Writes the buffers at `position`, in order; returns bytes written, which may be fewer (a short write). */
  writev(buffers: readonly Buffer[], position: number): Promise<number>;
  /** Makes every byte written so far durable. */
  sync(): Promise<void>;
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
}

export interface Disk {
  /** Opens a file for reading and writing, creating it if `create` is set. */
  open(path: string, create: boolean): Promise<DiskFile>;
  exists(path: string): Promise<boolean>;
  /** Names in a directory, sorted. */
  list(dir: string): Promise<string[]>;
  mkdirs(dir: string): Promise<void>;
  unlink(path: string): Promise<void>;
  /** Removes a directory and everything in it. */
  removeAll(dir: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  readFile(path: string): Promise<Buffer>;
  /** Replaces a file's contents atomically and durably (write temp, fsync, rename, fsync dir). */
  writeFileAtomic(path: string, data: Buffer): Promise<void>;
}

/**
 * Writes all of `buffers` at `position`, going on after short writes (a file system
 * may write part of a request); throws when a write makes no progress.
 */
export async function writeFully(file: DiskFile, buffers: readonly Buffer[], position: number): Promise<number> {
  let total = 0;
  for (const b of buffers) total += b.length;
  let written = 0;
  let rest: readonly Buffer[] = buffers;
  while (written < total) {
    const n = await file.writev(rest, position + written);
    if (n <= 0) throw new Error(`write made no progress at ${position + written} in ${file.path}`);
    written += n;
    if (written < total) rest = remainder(buffers, written);
  }
  return total;
}

/** The buffers left after the first `written` bytes. */
function remainder(buffers: readonly Buffer[], written: number): Buffer[] {
  const out: Buffer[] = [];
  let skip = written;
  for (const b of buffers) {
    if (skip >= b.length) {
      skip -= b.length;
      continue;
    }
    out.push(skip > 0 ? b.subarray(skip) : b);
    skip = 0;
  }
  return out;
}

export function joinPath(...parts: string[]): string {
  return parts.join('/').replace(/\/+/g, '/');
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? (i === 0 ? '/' : '.') : path.slice(0, i);
}

// ---------------------------------------------------------------------------------------
// The real disk.

class NodeFile implements DiskFile {
  constructor(
    readonly path: string,
    private readonly fh: FileHandle,
  ) {}

  async size(): Promise<number> {
    return (await this.fh.stat()).size;
  }

  async read(buf: Buffer, offset: number, length: number, position: number): Promise<number> {
    return (await this.fh.read(buf, offset, length, position)).bytesRead;
  }

  async writev(buffers: readonly Buffer[], position: number): Promise<number> {
    return (await this.fh.writev(buffers as Buffer[], position)).bytesWritten;
  }

  sync(): Promise<void> {
    return this.fh.datasync();
  }

  truncate(length: number): Promise<void> {
    return this.fh.truncate(length);
  }

  close(): Promise<void> {
    return this.fh.close();
  }
}

export class NodeDisk implements Disk {
  async open(path: string, create: boolean): Promise<DiskFile> {
    // 'r+' never creates; 'a+' would force appends, so create with 'wx' first when needed.
    if (create && !(await this.exists(path))) {
      const fh = await open(path, 'wx+').catch(async (e: NodeJS.ErrnoException) => {
        if (e.code === 'EEXIST') return open(path, 'r+');
        throw e;
      });
      return new NodeFile(path, fh);
    }
    return new NodeFile(path, await open(path, 'r+'));
  }

  async exists(path: string): Promise<boolean> {
    try {
      await stat(path);
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw e;
    }
  }

  async list(dir: string): Promise<string[]> {
    return (await readdir(dir)).sort();
  }

  async mkdirs(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
  }

  unlink(path: string): Promise<void> {
    return unlink(path);
  }

  removeAll(dir: string): Promise<void> {
    return rm(dir, { recursive: true, force: true });
  }

  async rename(from: string, to: string): Promise<void> {
    await rename(from, to);
    await syncDir(parentOf(to));
  }

  readFile(path: string): Promise<Buffer> {
    return readFile(path);
  }

  async writeFileAtomic(path: string, data: Buffer): Promise<void> {
    const tmp = `${path}.tmp`;
    const fh = await open(tmp, 'w');
    try {
      await fh.writeFile(data);
      await fh.datasync();
    } finally {
      await fh.close();
    }
    await this.rename(tmp, path);
  }
}

async function syncDir(dir: string): Promise<void> {
  let fh: FileHandle | undefined;
  try {
    fh = await open(dir, 'r');
    await fh.sync();
  } catch (e) {
    // Some file systems refuse to fsync a directory; the rename is then as durable as it gets.
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EINVAL' && code !== 'EPERM') throw e;
  } finally {
    await fh?.close();
  }
}

// ---------------------------------------------------------------------------------------
// The in-memory disk with fault injection.

interface MemoryFileState {
  /** Bytes as the process sees them. */
  data: Buffer;
  length: number;
  /** Bytes that survive a crash. */
  durable: Buffer;
}

/** Thrown by the memory disk for injected faults. */
export class InjectedDiskError extends Error {
  override name = 'InjectedDiskError';
  readonly code = 'EIO';
}

export interface DiskFaults {
  /** The next N writes fail with EIO (nothing written). */
  failWrites?: number;
  /** The next N writes write only part of their bytes (a short write). */
  shortWrites?: number;
  /** The next N syncs fail with EIO (nothing made durable). */
  failSyncs?: number;
}

/**
 * A disk in memory. `crash()` models a power loss: every file keeps only the bytes that
 * were synced; with `tornTail`, a random prefix of the unsynced bytes survives too, as
 * a real disk may have written part of them.
 */
export class MemoryDisk implements Disk {
  private readonly files = new Map<string, MemoryFileState>();
  private readonly dirs = new Set<string>(['.', '/']);
  readonly faults: Required<DiskFaults> = { failWrites: 0, shortWrites: 0, failSyncs: 0 };
  /** Bytes written and write calls made, for tests that count I/O. */
  writes = 0;
  writeCalls = 0;
  syncs = 0;

  inject(faults: DiskFaults): void {
    Object.assign(this.faults, faults);
  }

  /** Drops every byte not synced. `random` in [0,1) picks how much of each unsynced tail survives. */
  crash(random?: () => number): void {
    for (const f of this.files.values()) {
      let keep = f.durable.length;
      if (random !== undefined && f.length > f.durable.length) {
        keep += Math.floor(random() * (f.length - f.durable.length + 1));
        keep = Math.min(keep, f.length);
      }
      const data = Buffer.alloc(Math.max(keep, 64));
      // What survives of the tail is what the process wrote; the synced part is the durable copy.
      f.data.copy(data, 0, 0, keep);
      f.durable.copy(data, 0, 0, Math.min(f.durable.length, keep));
      f.data = data;
      f.length = keep;
      // After the restart, whatever reached the platter is simply the file.
      f.durable = Buffer.from(data.subarray(0, keep));
    }
  }

  state(path: string): MemoryFileState {
    const f = this.files.get(path);
    if (f === undefined) throw enoent(path);
    return f;
  }

  async open(path: string, create: boolean): Promise<DiskFile> {
    if (!this.files.has(path)) {
      if (!create) throw enoent(path);
      if (!this.dirs.has(parentOf(path))) throw enoent(parentOf(path));
      this.files.set(path, { data: Buffer.alloc(256), length: 0, durable: Buffer.alloc(0) });
    }
    return new MemoryFile(this, path);
  }

  async exists(path: string): Promise<boolean> {
    return this.files.has(path) || this.dirs.has(path);
  }

  async list(dir: string): Promise<string[]> {
    if (!this.dirs.has(dir)) throw enoent(dir);
    const prefix = `${dir}/`;
    const names = new Set<string>();
    for (const p of [...this.files.keys(), ...this.dirs]) {
      if (p.startsWith(prefix)) {
        const rest = p.slice(prefix.length);
        if (rest !== '' && !rest.includes('/')) names.add(rest);
      }
    }
    return [...names].sort();
  }

  async mkdirs(dir: string): Promise<void> {
    let p = dir;
    while (p !== '.' && p !== '/' && p !== '') {
      this.dirs.add(p);
      p = parentOf(p);
    }
  }

  async unlink(path: string): Promise<void> {
    if (!this.files.delete(path)) throw enoent(path);
  }

  async removeAll(dir: string): Promise<void> {
    const prefix = `${dir}/`;
    for (const p of [...this.files.keys()]) if (p.startsWith(prefix)) this.files.delete(p);
    for (const p of [...this.dirs]) if (p === dir || p.startsWith(prefix)) this.dirs.delete(p);
  }

  async rename(from: string, to: string): Promise<void> {
    const f = this.files.get(from);
    if (f !== undefined) {
      this.files.delete(from);
      this.files.set(to, f);
      return;
    }
    if (!this.dirs.has(from)) throw enoent(from);
    const prefix = `${from}/`;
    for (const [p, s] of [...this.files]) {
      if (p.startsWith(prefix)) {
        this.files.delete(p);
        this.files.set(`${to}/${p.slice(prefix.length)}`, s);
      }
    }
    for (const p of [...this.dirs]) {
      if (p === from || p.startsWith(prefix)) {
        this.dirs.delete(p);
        this.dirs.add(`${to}${p.slice(from.length)}`);
      }
    }
  }

  async readFile(path: string): Promise<Buffer> {
    const f = this.state(path);
    return Buffer.from(f.data.subarray(0, f.length));
  }

  async writeFileAtomic(path: string, data: Buffer): Promise<void> {
    if (!this.dirs.has(parentOf(path))) throw enoent(parentOf(path));
    this.files.set(path, { data: Buffer.from(data), length: data.length, durable: Buffer.from(data) });
  }
}

class MemoryFile implements DiskFile {
  private closed = false;
  /** The file itself, not its name: like a POSIX descriptor, it outlives unlink and rename. */
  private readonly inode: MemoryFileState;

  constructor(
    private readonly disk: MemoryDisk,
    readonly path: string,
  ) {
    this.inode = disk.state(path);
  }

  private file(): MemoryFileState {
    if (this.closed) throw new Error(`${this.path} is closed`);
    return this.inode;
  }

  async size(): Promise<number> {
    return this.file().length;
  }

  async read(buf: Buffer, offset: number, length: number, position: number): Promise<number> {
    const f = this.file();
    if (position >= f.length) return 0;
    const n = Math.min(length, f.length - position);
    f.data.copy(buf, offset, position, position + n);
    return n;
  }

  async writev(buffers: readonly Buffer[], position: number): Promise<number> {
    const f = this.file();
    const faults = this.disk.faults;
    if (faults.failWrites > 0) {
      faults.failWrites--;
      throw new InjectedDiskError(`injected write failure on ${this.path}`);
    }
    let total = 0;
    for (const b of buffers) total += b.length;
    if (faults.shortWrites > 0 && total > 1) {
      faults.shortWrites--;
      total = Math.max(1, total >> 1);
    }
    const end = position + total;
    if (end > f.data.length) {
      const grown = Buffer.alloc(Math.max(end, f.data.length * 2));
      f.data.copy(grown, 0, 0, f.length);
      f.data = grown;
    }
    if (position > f.length) f.data.fill(0, f.length, position);
    let at = position;
    let left = total;
    for (const b of buffers) {
      if (left === 0) break;
      const n = Math.min(b.length, left);
      b.copy(f.data, at, 0, n);
      at += n;
      left -= n;
    }
    f.length = Math.max(f.length, end);
    this.disk.writes += total;
    this.disk.writeCalls++;
    return total;
  }

  async sync(): Promise<void> {
    const f = this.file();
    if (this.disk.faults.failSyncs > 0) {
      this.disk.faults.failSyncs--;
      throw new InjectedDiskError(`injected fsync failure on ${this.path}`);
    }
    f.durable = Buffer.from(f.data.subarray(0, f.length));
    this.disk.syncs++;
  }

  async truncate(length: number): Promise<void> {
    const f = this.file();
    if (length < f.length) f.data.fill(0, length, f.length);
    else if (length > f.data.length) {
      const grown = Buffer.alloc(length);
      f.data.copy(grown, 0, 0, f.length);
      f.data = grown;
    }
    f.length = length;
    // Truncation is a metadata change: once done it holds after a crash too.
    if (f.durable.length > length) f.durable = Buffer.from(f.durable.subarray(0, length));
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

function enoent(path: string): NodeJS.ErrnoException {
  const e = new Error(`ENOENT: no such file or directory, '${path}'`) as NodeJS.ErrnoException;
  e.code = 'ENOENT';
  return e;
}
