import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeQuorumState, encodeQuorumState, MemoryQuorumStateStore } from './quorum-state.js';

describe('quorum-state', () => {
  test("encodes Kafka's JSON layout and decodes it back", () => {
    const buf = encodeQuorumState({ epoch: 3, leaderId: 1, votedId: -1 }, [1, 2, 3], 'abc');
    assert.deepEqual(JSON.parse(buf.toString()), {
      clusterId: 'abc',
      leaderId: 1,
      leaderEpoch: 3,
      votedId: -1,
      appliedOffset: 0,
      currentVoters: [{ voterId: 1 }, { voterId: 2 }, { voterId: 3 }],
      data_version: 0,
    });
    assert.deepEqual(decodeQuorumState(buf), {
      epoch: 3,
      leaderId: 1,
      votedId: -1,
      clusterId: 'abc',
      appliedOffset: 0,
      currentVoters: [1, 2, 3],
    });
  });

  test('reads a file Kafka wrote (null voters, no clusterId)', () => {
    const s = decodeQuorumState(
      Buffer.from(
        '{"leaderId":-1,"leaderEpoch":7,"votedId":2,"appliedOffset":0,"currentVoters":null,"data_version":0}',
      ),
    );
    assert.deepEqual(s, { epoch: 7, leaderId: -1, votedId: 2, clusterId: '', appliedOffset: 0, currentVoters: null });
  });

  test('reads data_version 1 (Kafka 3.8+: votedDirectoryId, no currentVoters)', () => {
    const s = decodeQuorumState(
      Buffer.from(
        '{"clusterId":"x","leaderId":2,"leaderEpoch":9,"votedId":2,"votedDirectoryId":"AAAAAAAAAAAAAAAAAAAAAA","data_version":1}',
      ),
    );
    assert.deepEqual([s.epoch, s.leaderId, s.votedId, s.currentVoters], [9, 2, 2, null]);
  });

  test('refuses damaged files with a message naming the problem', () => {
    const bad = (text: string, message: RegExp) => assert.throws(() => decodeQuorumState(Buffer.from(text)), message);
    bad('', /not valid JSON/);
    bad('{"leaderId":1', /not valid JSON/);
    bad('[1,2]', /not a JSON object/);
    bad('null', /not a JSON object/);
    bad('{"leaderId":1,"leaderEpoch":3,"votedId":-1}', /missing field "data_version"/);
    bad('{"leaderEpoch":3,"votedId":-1,"data_version":0}', /missing field "leaderId"/);
    bad('{"leaderId":1,"leaderEpoch":"3","votedId":-1,"data_version":0}', /field "leaderEpoch" is "3"/);
    bad('{"leaderId":-2,"leaderEpoch":3,"votedId":-1,"data_version":0}', /field "leaderId" is -2/);
    bad('{"leaderId":1,"leaderEpoch":1.5,"votedId":-1,"data_version":0}', /field "leaderEpoch" is 1.5/);
    bad('{"leaderId":1,"leaderEpoch":3,"votedId":-1,"data_version":2}', /data_version 2 is not supported/);
    bad('{"leaderId":1,"leaderEpoch":3,"votedId":-1,"appliedOffset":-5,"data_version":0}', /"appliedOffset" is -5/);
    bad('{"leaderId":1,"leaderEpoch":3,"votedId":-1,"data_version":0,"clusterId":5}', /"clusterId" is not a string/);
    bad(
      '{"leaderId":1,"leaderEpoch":3,"votedId":-1,"data_version":0,"currentVoters":{}}',
      /"currentVoters" is not an array/,
    );
    bad(
      '{"leaderId":1,"leaderEpoch":3,"votedId":-1,"data_version":0,"currentVoters":[7]}',
      /currentVoters\[0\] is not an object/,
    );
  });

  test('MemoryQuorumStateStore round-trips through the encoding and can be corrupted', async () => {
    const store = new MemoryQuorumStateStore({ voters: [1], clusterId: 'c' });
    assert.equal(await store.read(), null);
    await store.write({ epoch: 2, leaderId: 1, votedId: 1 });
    assert.equal(store.writes, 1);
    assert.deepEqual(await store.read(), { epoch: 2, leaderId: 1, votedId: 1 });
    assert.equal(JSON.parse(store.raw()!.toString()).clusterId, 'c');
    store.corrupt(Buffer.from('garbage'));
    await assert.rejects(store.read(), /quorum-state: not valid JSON/);
  });
});
