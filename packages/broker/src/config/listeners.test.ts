import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  checkHostPort,
  checkListeners,
  checkQuorumVoters,
  checkSecurityProtocolMap,
  ListenerSyntaxError,
  parseListeners,
} from './listeners.js';

describe('parseListeners', () => {
  test('names, hosts and ports; an empty host is every interface', () => {
    assert.deepEqual(parseListeners('PLAINTEXT://:9092,INTERNAL://127.0.0.1:9093'), [
      { name: 'PLAINTEXT', host: '', port: 9092 },
      { name: 'INTERNAL', host: '127.0.0.1', port: 9093 },
    ]);
    assert.deepEqual(parseListeners(['CLIENT://my-host.example.com:19092']), [
      { name: 'CLIENT', host: 'my-host.example.com', port: 19092 },
    ]);
  });

  test('IPv6 literals in brackets', () => {
    assert.deepEqual(parseListeners('PLAINTEXT://[::1]:9092,EXTERNAL://[fe80::1%eth0]:9093'), [
      { name: 'PLAINTEXT', host: '::1', port: 9092 },
      { name: 'EXTERNAL', host: 'fe80::1%eth0', port: 9093 },
    ]);
  });

  test('names are case-insensitive, normalised to upper case', () => {
    assert.deepEqual(parseListeners(' plaintext://:9092 , Internal://:9093 '), [
      { name: 'PLAINTEXT', host: '', port: 9092 },
      { name: 'INTERNAL', host: '', port: 9093 },
    ]);
  });

  test('the same port for an IPv4 and an IPv6 listener is allowed, as in Kafka', () => {
    assert.equal(parseListeners('PLAINTEXT://127.0.0.1:9092,SECOND://[::1]:9092').length, 2);
  });

  test('port 0 (ephemeral) may repeat', () => {
    assert.equal(parseListeners('A://:0,B://:0').length, 2);
  });

  test('the empty list', () => {
    assert.deepEqual(parseListeners(''), []);
  });

  const bad: [string, RegExp][] = [
    ['PLAINTEXT://:99999', /outside 0-65535/],
    ['PLAINTEXT://:-1', /not a number/],
    ['PLAINTEXT://localhost', /no port/],
    ['PLAINTEXT://host:', /not a number/],
    ['localhost:9092', /expected NAME:\/\/host:port/],
    ['PLAIN TEXT://:9092', /not a valid listener name/],
    ['://:9092', /not a valid listener name/],
    ['PLAINTEXT://::1:9092', /IPv6 address goes in brackets/],
    ['PLAINTEXT://[::1:9092', /closing bracket/],
    ['PLAINTEXT://[nothex]:9092', /not an IPv6 address/],
    ['PLAINTEXT://[::1]9092', /expected ":port"/],
    ['PLAINTEXT://bad_host!:9092', /not a valid host name/],
    ['PLAINTEXT://:9092,PLAINTEXT://:9093', /listener name PLAINTEXT is used twice/],
    ['PLAINTEXT://:9092,plaintext://:9093', /listener name PLAINTEXT is used twice/],
    ['PLAINTEXT://:9092,OTHER://:9092', /port 9092 is already used by listener PLAINTEXT/],
    ['A://127.0.0.1:9092,B://10.0.0.1:9092', /port 9092 is already used/],
  ];
  for (const [value, reason] of bad) {
    test(`rejects ${value}`, () => {
      assert.throws(
        () => parseListeners(value),
        (e: unknown) => e instanceof ListenerSyntaxError && reason.test(e.message),
      );
    });
  }

  test('every bad item is named', () => {
    const { listeners, problems } = checkListeners(['A://:1', 'B://:x', 'A://:2', 'C://:1']);
    assert.deepEqual(
      listeners.map((l) => l.name),
      ['A'],
    );
    assert.equal(problems.length, 3);
    assert.match(problems[0]!, /^B:\/\/:x: /);
    assert.match(problems[1]!, /^A:\/\/:2: /);
    assert.match(problems[2]!, /^C:\/\/:1: /);
  });

  test('advertised listeners: ports may repeat, wildcard hosts may not', () => {
    assert.equal(parseListeners('A://h1:9092,B://h2:9092', true).length, 2);
    assert.throws(() => parseListeners('A://0.0.0.0:9092', true), /wildcard address 0.0.0.0 cannot be advertised/);
    assert.throws(() => parseListeners('A://[::]:9092', true), /wildcard address :: cannot be advertised/);
    assert.throws(() => parseListeners('A://h:1,A://h:2', true), /used twice/);
  });
});

describe('listener.security.protocol.map', () => {
  test('parses names and protocols, case-insensitively', () => {
    const { map, problems } = checkSecurityProtocolMap('CONTROLLER:PLAINTEXT, internal:ssl,EXTERNAL:SASL_SSL');
    assert.deepEqual(problems, []);
    assert.deepEqual(
      [...map],
      [
        ['CONTROLLER', 'PLAINTEXT'],
        ['INTERNAL', 'SSL'],
        ['EXTERNAL', 'SASL_SSL'],
      ],
    );
  });

  test('names bad items', () => {
    const { problems } = checkSecurityProtocolMap('A:PLAINTEXT,B,C:TLS,A:SSL,D E:SSL');
    assert.equal(problems.length, 4);
    assert.match(problems[0]!, /B: expected NAME:PROTOCOL/);
    assert.match(problems[1]!, /unknown security protocol TLS/);
    assert.match(problems[2]!, /listener A is mapped twice/);
    assert.match(problems[3]!, /not a valid listener name/);
  });
});

describe('controller.quorum.voters', () => {
  test('parses id@host:port items', () => {
    const { voters, problems } = checkQuorumVoters(['1@localhost:9093', '2@[::1]:9094', '3@10.0.0.3:9093']);
    assert.deepEqual(problems, []);
    assert.deepEqual(voters, [
      { id: 1, host: 'localhost', port: 9093 },
      { id: 2, host: '::1', port: 9094 },
      { id: 3, host: '10.0.0.3', port: 9093 },
    ]);
  });

  test('names bad items', () => {
    const { problems } = checkQuorumVoters(['localhost:9093', 'x@h:1', '1@:9093', '1@h:0', '2@h:1', '2@h:2']);
    assert.equal(problems.length, 5);
    assert.match(problems[0]!, /expected id@host:port/);
    assert.match(problems[1]!, /node id "x" is not valid/);
    assert.match(problems[2]!, /host is empty/);
    assert.match(problems[3]!, /port must not be 0/);
    assert.match(problems[4]!, /voter id 2 appears twice/);
  });

  test('bootstrap servers are host:port', () => {
    assert.equal(checkHostPort('localhost:9093'), null);
    assert.match(checkHostPort('localhost') ?? '', /no port/);
  });
});
