/**
 * Kafka's `quorum-state` file (QuorumStateData, data_version 0): the election state a
 * voter must never forget, written before the node acts on it (KIP-595: one vote per
 * epoch, epochs never go back).
 *
 *   {"clusterId":"","leaderId":1,"leaderEpoch":3,"votedId":-1,"appliedOffset":0,
 *    "currentVoters":[{"voterId":1}],"data_version":0}
 *
 * Decoding is strict: a file that is not JSON, lacks a field, or holds a field of the
 * wrong type is refused with an Error naming what is wrong, so a damaged file stops the
 * node instead of letting it vote twice.
 */

import type { ElectionState, QuorumStateStore } from './types.js';

export const QUORUM_STATE_DATA_VERSION = 0;
export const QUORUM_STATE_DATA_VERSION_READ_MAX = 1;

export interface DecodedQuorumState extends ElectionState {
  clusterId: string;
  appliedOffset: number;
  currentVoters: number[] | null;
}

export function encodeQuorumState(state: ElectionState, voters: readonly number[] | null, clusterId = ''): Buffer {
  const json = {
    clusterId,
    leaderId: state.leaderId,
    leaderEpoch: state.epoch,
    votedId: state.votedId,
    appliedOffset: 0,
    currentVoters: voters === null ? null : voters.map((voterId) => ({ voterId })),
    data_version: QUORUM_STATE_DATA_VERSION,
  };
  return Buffer.from(JSON.stringify(json), 'utf8');
}

function int32Field(obj: Record<string, unknown>, name: string, min: number): number {
  if (!(name in obj)) throw new Error(`quorum-state: missing field "${name}"`);
  const value = obj[name];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > 0x7fffffff) {
    throw new Error(`quorum-state: field "${name}" is ${JSON.stringify(value)}, not an int32 >= ${min}`);
  }
  return value;
}

export function decodeQuorumState(buf: Buffer): DecodedQuorumState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(buf.toString('utf8'));
  } catch (e) {
    throw new Error(`quorum-state: not valid JSON (${(e as Error).message}) in ${buf.length} bytes`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('quorum-state: the content is not a JSON object');
  }
  const obj = parsed as Record<string, unknown>;
  const dataVersion = int32Field(obj, 'data_version', 0);
  // Version 1 (Kafka 3.8+, KIP-853) drops currentVoters and adds votedDirectoryId; both
  // carry the same election state, so either is read. This code writes version 0.
  if (dataVersion > QUORUM_STATE_DATA_VERSION_READ_MAX) {
    throw new Error(
      `quorum-state: data_version ${dataVersion} is not supported (at most ${QUORUM_STATE_DATA_VERSION_READ_MAX})`,
    );
  }
  const epoch = int32Field(obj, 'leaderEpoch', 0);
  const leaderId = int32Field(obj, 'leaderId', -1);
  const votedId = int32Field(obj, 'votedId', -1);
  // An int64 in Kafka's schema (unused since KIP-595 shipped): any non-negative safe integer.
  const applied = obj.appliedOffset ?? 0;
  if (typeof applied !== 'number' || !Number.isSafeInteger(applied) || applied < 0) {
    throw new Error(`quorum-state: field "appliedOffset" is ${JSON.stringify(applied)}, not an offset`);
  }
  const appliedOffset = applied;
  let clusterId = '';
  if ('clusterId' in obj && obj.clusterId !== null) {
    if (typeof obj.clusterId !== 'string') throw new Error('quorum-state: field "clusterId" is not a string');
    clusterId = obj.clusterId;
  }
  let currentVoters: number[] | null = null;
  if ('currentVoters' in obj && obj.currentVoters !== null) {
    if (!Array.isArray(obj.currentVoters)) throw new Error('quorum-state: field "currentVoters" is not an array');
    currentVoters = obj.currentVoters.map((v: unknown, i: number) => {
      if (typeof v !== 'object' || v === null) throw new Error(`quorum-state: currentVoters[${i}] is not an object`);
      return int32Field(v as Record<string, unknown>, 'voterId', 0);
    });
  }
  return { epoch, leaderId, votedId, clusterId, appliedOffset, currentVoters };
}

/**
 * In-memory store holding the encoded bytes, so tests and the simulation go through the
 * same encode/decode as a file would. `corrupt(bytes)` plants a damaged file.
 */
export class MemoryQuorumStateStore implements QuorumStateStore {
  private bytes: Buffer | null = null;
  /** Number of completed writes (tests check "persisted before answering"). */
  writes = 0;
  private readonly voters: readonly number[] | null;
  private readonly clusterId: string;

  constructor(opts: { voters?: readonly number[]; clusterId?: string } = {}) {
    this.voters = opts.voters ?? null;
    this.clusterId = opts.clusterId ?? '';
  }

  async read(): Promise<ElectionState | null> {
    if (this.bytes === null) return null;
    const s = decodeQuorumState(this.bytes);
    return { epoch: s.epoch, leaderId: s.leaderId, votedId: s.votedId };
  }

  async write(state: ElectionState): Promise<void> {
    this.bytes = encodeQuorumState(state, this.voters, this.clusterId);
    this.writes++;
  }

  /** The stored bytes (null when never written). */
  raw(): Buffer | null {
    return this.bytes;
  }

  /** Replaces the stored bytes, e.g. with a damaged file. */
  corrupt(bytes: Buffer): void {
    this.bytes = bytes;
  }
}
