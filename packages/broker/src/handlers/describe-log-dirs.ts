/**
 * DescribeLogDirs (35), versions 0-4 (flexible from v2): the broker's log directory
 * (Gregor has one, `log.dirs`) with, per partition hosted in it, its size in bytes,
 * its offset lag (max(0, high watermark - log end offset), 0 for a leader) and
 * isFutureKey (false: Gregor never moves replicas between directories).
 *
 * `topics` null means every partition; otherwise only the partitions listed that are
 * hosted here (the others are left out, as Kafka does). The metadata log
 * (`__cluster_metadata`) is not a partition log and is never listed. The directory is
 * reported by its absolute path.
 *
 * v3 adds the top-level errorCode; v4 the volume's totalBytes and usableBytes (statfs:
 * blocks and blocks available to unprivileged users, times the block size). A log
 * directory statfs cannot read is KAFKA_STORAGE_ERROR, without partitions and with
 * totalBytes and usableBytes -1.
 */
import { statfs } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { DescribeLogDirsRequest } from '@gregor/protocol';
import { ApiKey, DescribeLogDirsResponse, ErrorCode } from '@gregor/protocol';
import {
  DescribeLogDirsPartition,
  DescribeLogDirsResult,
  DescribeLogDirsTopic,
} from '@gregor/protocol/generated/messages/describe-log-dirs-response';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

export const describeLogDirsHandler: ApiHandler = defineHandler<DescribeLogDirsRequest, DescribeLogDirsResponse>({
  apiKey: ApiKey.DescribeLogDirs,
  minVersion: 0,
  maxVersion: 4,
  async handle(ctx, request) {
    const { broker, version } = ctx;
    const response = new DescribeLogDirsResponse();
    const dir = new DescribeLogDirsResult();
    dir.logDir = resolve(broker.settings.logDir);
    response.results.push(dir);

    let wanted: Map<string, Set<number>> | null = null;
    if (request.topics !== null) {
      wanted = new Map();
      for (const t of request.topics) {
        const set = wanted.get(t.topic) ?? new Set<number>();
        for (const p of t.partitions) set.add(p);
        wanted.set(t.topic, set);
      }
    }
    const byTopic = new Map<string, DescribeLogDirsTopic>();
    for (const p of broker.replicaManager.all()) {
      if (wanted !== null && wanted.get(p.topic)?.has(p.partition) !== true) continue;
      let t = byTopic.get(p.topic);
      if (t === undefined) {
        t = new DescribeLogDirsTopic();
        t.name = p.topic;
        byTopic.set(p.topic, t);
      }
      const d = new DescribeLogDirsPartition();
      d.partitionIndex = p.partition;
      d.partitionSize = BigInt(p.log.size);
      d.offsetLag = BigInt(Math.max(0, p.highWatermark - p.logEndOffset));
      d.isFutureKey = false;
      t.partitions.push(d);
    }
    for (const name of [...byTopic.keys()].sort()) {
      const t = byTopic.get(name) as DescribeLogDirsTopic;
      t.partitions.sort((a, b) => a.partitionIndex - b.partitionIndex);
      dir.topics.push(t);
    }

    try {
      const fs = await statfs(dir.logDir, { bigint: true });
      if (version >= 4) {
        dir.totalBytes = fs.blocks * fs.bsize;
        dir.usableBytes = fs.bavail * fs.bsize;
      }
    } catch (e) {
      broker.logger.warn({ err: e, logDir: dir.logDir }, 'DescribeLogDirs: cannot read the log directory volume');
      dir.errorCode = ErrorCode.KAFKA_STORAGE_ERROR;
      dir.topics = [];
    }
    return response;
  },
  errorResponse(_ctx, _request, errorCode) {
    const response = new DescribeLogDirsResponse();
    response.errorCode = errorCode;
    return response;
  },
});
