/**
 * The metadata log (`__cluster_metadata`, partition 0): every change to the cluster is a
 * batch of KRaft metadata records appended here by the active controller, durable
 * before it is applied, and replayed into the metadata image at start.
 *
 * Quorum: this node is the only voter. At every start it takes a new epoch (one more
 * than the last, recorded in `quorum-state` in Kafka's JSON layout) and stamps its
 * batches with it, so the log carries real leader epochs; a majority of one is reached
 * when the batch is fsynced. The cluster work replaces this class's quorum part with
 * Raft (voters, Vote/Fetch) behind the same `append`/`image` surface.
 */
import type { KafkaRecord } from '@gregor/protocol';
import { buildRecordBatch, RecordBatchView, readAllRecords } from '@gregor/protocol';
import type { Disk } from '@gregor/storage';
import { joinPath, PartitionLog } from '@gregor/storage';
import type { Logger } from 'pino';
import { MetadataImage } from './image.js';
import type { MetadataRecord } from './record-serde.js';
import { decodeMetadataRecord, encodeMetadataRecord } from './record-serde.js';

export const METADATA_TOPIC = '__cluster_metadata';
const QUORUM_STATE_FILE = 'quorum-state';

interface QuorumState {
  clusterId: string;
  leaderId: number;
  leaderEpoch: number;
  votedId: number;
  appliedOffset: number;
  currentVoters: { voterId: number }[];
  data_version: number;
}

export class MetadataLog {
  private current: MetadataImage = MetadataImage.empty();
  private readonly listeners: ((image: MetadataImage, previous: MetadataImage) => void)[] = [];
  private chain: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly log: PartitionLog,
    readonly nodeId: number,
    readonly epoch: number,
    private readonly logger: Logger,
  ) {}

  static async open(opts: {
    disk: Disk;
    logDir: string;
    nodeId: number;
    logger: Logger;
    now?: () => number;
  }): Promise<MetadataLog> {
    const dir = joinPath(opts.logDir, `${METADATA_TOPIC}-0`);
    await opts.disk.mkdirs(dir);
    const statePath = joinPath(dir, QUORUM_STATE_FILE);
    let previousEpoch = 0;
    if (await opts.disk.exists(statePath)) {
      const state = JSON.parse((await opts.disk.readFile(statePath)).toString('utf8')) as Partial<QuorumState>;
      if (typeof state.leaderEpoch !== 'number') throw new Error(`${statePath}: no leaderEpoch`);
      previousEpoch = state.leaderEpoch;
    }
    const epoch = previousEpoch + 1;
    const state: QuorumState = {
      clusterId: '',
      leaderId: opts.nodeId,
      leaderEpoch: epoch,
      votedId: opts.nodeId,
      appliedOffset: 0,
      currentVoters: [{ voterId: opts.nodeId }],
      data_version: 0,
    };
    await opts.disk.writeFileAtomic(statePath, Buffer.from(JSON.stringify(state)));
    const log = await PartitionLog.open({
      disk: opts.disk,
      dir,
      config: { durable: true, retentionMs: -1, retentionBytes: -1, segmentBytes: 64 * 1024 * 1024 },
      ...(opts.now === undefined ? {} : { now: opts.now }),
      onEvent: (e) => opts.logger[e.level]({ ...e, message: undefined }, e.message),
    });
    const metadata = new MetadataLog(log, opts.nodeId, epoch, opts.logger);
    await metadata.replay();
    return metadata;
  }

  get image(): MetadataImage {
    return this.current;
  }

  get endOffset(): number {
    return this.log.logEndOffset;
  }

  /** Called after each change with the new and the previous image. */
  onChange(listener: (image: MetadataImage, previous: MetadataImage) => void): void {
    this.listeners.push(listener);
  }

  private async replay(): Promise<void> {
    let image = this.current;
    const view = new RecordBatchView(Buffer.alloc(0));
    for (let offset = this.log.logStartOffset; offset < this.log.logEndOffset; ) {
      const { records, nextOffset } = await this.log.read(offset, 4 * 1024 * 1024);
      if (records.length === 0) break;
      for (let at = 0; at < records.length; ) {
        view.moveTo(records, at);
        const size = view.sizeInBytes;
        const batch = records.subarray(at, at + size);
        if (!view.isControl) {
          const kafkaRecords = readAllRecords(batch, 0);
          const decoded = kafkaRecords.map((r: KafkaRecord) => {
            if (r.value === null) throw new Error(`metadata record at offset ${r.offset} has no value`);
            return decodeMetadataRecord(r.value);
          });
          const last = kafkaRecords[kafkaRecords.length - 1];
          if (last !== undefined) image = image.apply(decoded, last.offset);
        }
        at += size;
      }
      offset = nextOffset;
    }
    this.log.highWatermark = this.log.logEndOffset;
    this.current = image;
    this.logger.info(
      { offset: image.offset, topics: image.topicsByName.size, epoch: this.epoch },
      'metadata log replayed',
    );
  }

  /**
   * Appends `records` as one batch (all or nothing), durably, then applies them.
   * Appends are serialised: each sees the image left by the previous one.
   */
  append(records: readonly MetadataRecord[]): Promise<MetadataImage> {
    const run = async (): Promise<MetadataImage> => {
      if (records.length === 0) return this.current;
      const now = Date.now();
      const batch = buildRecordBatch({
        records: records.map((r) => ({ key: null, value: encodeMetadataRecord(r), timestamp: now })),
      });
      const result = await this.log.appendAsLeader(batch, this.epoch);
      this.log.highWatermark = this.log.logEndOffset;
      const previous = this.current;
      this.current = previous.apply(records, result.lastOffset);
      for (const l of this.listeners) l(this.current, previous);
      return this.current;
    };
    const next = this.chain.then(run, run);
    this.chain = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.chain;
    await this.log.close();
  }
}
