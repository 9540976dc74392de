import type { Disk, DiskFile } from '@gregor/storage';

/**
 * One broker process's view of its disk. The disk itself (a MemoryDisk) outlives the
 * process; this view dies with it. A crashed process must never touch the disk again:
 * a write it had queued (the log writes on a later turn) landing after the crash would
 * be a dead process writing into its successor's files. Once `freeze()`d, every call
 * returns a promise that never settles, so the dead incarnation's code stops at its
 * next disk access, as the simulated network freezes its pending requests.
 */
export class IncarnationDisk implements Disk {
  #frozen = false;

  /**
   * `opDelay`: virtual time each operation on files and directories takes (opening,
   * listing, reading a checkpoint; not reads and writes of open files): a broker that
   * opens its logs at start takes a while, and metadata keeps arriving meanwhile. None
   * by default.
   */
  constructor(
    private readonly disk: Disk,
    private readonly opDelay: (() => Promise<void>) | null = null,
  ) {}

  get frozen(): boolean {
    return this.#frozen;
  }

  freeze(): void {
    this.#frozen = true;
  }

  /** @internal runs `op` unless the process is dead. */
  guard<T>(op: () => Promise<T>): Promise<T> {
    if (this.#frozen) return new Promise<T>(() => {});
    return op().then(
      (value) => (this.#frozen ? new Promise<T>(() => {}) : value),
      (error: unknown) => (this.#frozen ? new Promise<T>(() => {}) : Promise.reject(error)),
    );
  }

  /** `op` after the operation delay, unless the process is dead. */
  private slow<T>(op: () => Promise<T>): Promise<T> {
    const delay = this.opDelay;
    return this.guard(delay === null ? op : () => delay().then(op));
  }

  open(path: string, create: boolean): Promise<DiskFile> {
    return this.slow(async () => new IncarnationFile(this, await this.disk.open(path, create)));
  }
  exists(path: string): Promise<boolean> {
    return this.slow(() => this.disk.exists(path));
  }
  list(dir: string): Promise<string[]> {
    return this.slow(() => this.disk.list(dir));
  }
  mkdirs(dir: string): Promise<void> {
    return this.slow(() => this.disk.mkdirs(dir));
  }
  unlink(path: string): Promise<void> {
    return this.slow(() => this.disk.unlink(path));
  }
  removeAll(dir: string): Promise<void> {
    return this.slow(() => this.disk.removeAll(dir));
  }
  rename(from: string, to: string): Promise<void> {
    return this.slow(() => this.disk.rename(from, to));
  }
  readFile(path: string): Promise<Buffer> {
    return this.slow(() => this.disk.readFile(path));
  }
  writeFileAtomic(path: string, data: Buffer): Promise<void> {
    return this.slow(() => this.disk.writeFileAtomic(path, data));
  }
}

class IncarnationFile implements DiskFile {
  constructor(
    private readonly owner: IncarnationDisk,
    private readonly file: DiskFile,
  ) {}

  get path(): string {
    return this.file.path;
  }
  size(): Promise<number> {
    return this.owner.guard(() => this.file.size());
  }
  read(buf: Buffer, offset: number, length: number, position: number): Promise<number> {
    return this.owner.guard(() => this.file.read(buf, offset, length, position));
  }
  writev(buffers: readonly Buffer[], position: number): Promise<number> {
    return this.owner.guard(() => this.file.writev(buffers, position));
  }
  sync(): Promise<void> {
    return this.owner.guard(() => this.file.sync());
  }
  truncate(length: number): Promise<void> {
    return this.owner.guard(() => this.file.truncate(length));
  }
  close(): Promise<void> {
    return this.owner.guard(() => this.file.close());
  }
}
