/**
 * The LeaderChange control batch a new leader appends at the start of its epoch
 * (KIP-595): committing it is how the leader learns its epoch's first offset is
 * committed, and so that everything before it is. Key: control record key version 0,
 * type LEADER_CHANGE; value: LeaderChangeMessage v0 (flexible encoding).
 */

import {
  buildRecordBatch,
  ControlRecordType,
  decodeMessage,
  encodeMessage,
  LeaderChangeMessage,
  readControlBatch,
} from '@gregor/protocol';
import { Voter } from '@gregor/protocol/generated/messages/leader-change-message';

export const LEADER_CHANGE_MESSAGE_VERSION = 0;

function voter(id: number): Voter {
  const v = new Voter();
  v.voterId = id;
  return v;
}

export function buildLeaderChangeBatch(opts: {
  leaderId: number;
  epoch: number;
  voters: readonly number[];
  grantingVoters: readonly number[];
  timestamp: number;
}): Buffer {
  const message = new LeaderChangeMessage();
  message.version = LEADER_CHANGE_MESSAGE_VERSION;
  message.leaderId = opts.leaderId;
  message.voters = opts.voters.map(voter);
  message.grantingVoters = opts.grantingVoters.map(voter);
  const key = Buffer.alloc(4);
  key.writeInt16BE(0, 0);
  key.writeInt16BE(ControlRecordType.LEADER_CHANGE, 2);
  return buildRecordBatch({
    partitionLeaderEpoch: opts.epoch,
    records: [
      {
        key,
        value: encodeMessage(LeaderChangeMessage, message, LEADER_CHANGE_MESSAGE_VERSION),
        timestamp: opts.timestamp,
      },
    ],
    control: true,
  });
}

/** Decodes the LeaderChange records of a control batch (other control types are skipped). */
export function readLeaderChanges(batch: Buffer): { leaderId: number; voters: number[]; grantingVoters: number[] }[] {
  const out: { leaderId: number; voters: number[]; grantingVoters: number[] }[] = [];
  for (const record of readControlBatch(batch)) {
    if (record.type !== ControlRecordType.LEADER_CHANGE || record.value === null) continue;
    const m = decodeMessage(LeaderChangeMessage, record.value, LEADER_CHANGE_MESSAGE_VERSION);
    out.push({
      leaderId: m.leaderId,
      voters: m.voters.map((v) => v.voterId),
      grantingVoters: m.grantingVoters.map((v) => v.voterId),
    });
  }
  return out;
}
