import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  decodeRequest,
  decodeResponse,
  encodeRequest,
  encodeRequestSpliced,
  encodeResponse,
  requestHeaderVersion,
  responseHeaderVersion,
} from './frames.js';
import type { ApiSpec } from './generated/api-table.js';
import { API_TABLE, ApiKey } from './generated/api-table.js';
import { ApiVersionsRequest } from './generated/messages/api-versions-request.js';
import { ApiVersionsResponse } from './generated/messages/api-versions-response.js';
import { MetadataRequest, MetadataRequestTopic } from './generated/messages/metadata-request.js';
import { PartitionProduceData, ProduceRequest, TopicProduceData } from './generated/messages/produce-request.js';
import { RequestHeader } from './generated/messages/request-header.js';

function api(key: number): ApiSpec {
  const spec = API_TABLE[key];
  assert.ok(spec !== undefined);
  return spec;
}

function header(apiKey: number, version: number, correlationId = 7): RequestHeader {
  const h = new RequestHeader();
  h.requestApiKey = apiKey;
  h.requestApiVersion = version;
  h.correlationId = correlationId;
  h.clientId = 'tests';
  return h;
}

test('header versions follow flexible versions, with Kafka two exceptions', () => {
  const metadata = api(ApiKey.Metadata);
  assert.equal(metadata.flexibleFrom, 9);
  assert.equal(requestHeaderVersion(metadata, 8), 1);
  assert.equal(requestHeaderVersion(metadata, 9), 2);
  assert.equal(responseHeaderVersion(metadata, 8), 0);
  assert.equal(responseHeaderVersion(metadata, 9), 1);
  // ControlledShutdown v0 predates client ids in the header.
  assert.equal(requestHeaderVersion(api(ApiKey.ControlledShutdown), 0), 0);
  // ApiVersions responses always use header v0, so any client can read them (KIP-511).
  const apiVersions = api(ApiKey.ApiVersions);
  assert.equal(requestHeaderVersion(apiVersions, 3), 2);
  assert.equal(responseHeaderVersion(apiVersions, 3), 0);
});

test('the API table is indexed by apiKey and knows every API', () => {
  assert.equal(API_TABLE[0]?.name, 'Produce');
  assert.equal(API_TABLE[1]?.name, 'Fetch');
  assert.equal(API_TABLE[18]?.name, 'ApiVersions');
  assert.equal(API_TABLE[ApiKey.DescribeTopicPartitions]?.name, 'DescribeTopicPartitions');
  for (let key = 0; key < API_TABLE.length; key++) {
    const spec = API_TABLE[key];
    if (spec === undefined) continue;
    assert.equal(spec.apiKey, key);
    assert.ok(spec.lowestVersion <= spec.highestVersion);
    assert.equal(spec.request.highestVersion, spec.highestVersion);
    assert.equal(spec.response.highestVersion, spec.highestVersion);
  }
});

test('a request frame round trips through encodeRequest and decodeRequest', () => {
  const body = new MetadataRequest();
  const t = new MetadataRequestTopic();
  t.name = 'orders';
  body.topics = [t];
  for (const version of [0, 4, 9, 12]) {
    const frame = encodeRequest(api(ApiKey.Metadata), version, header(ApiKey.Metadata, version), body);
    assert.equal(frame.readInt32BE(0), frame.length - 4);
    const decoded = decodeRequest(frame.subarray(4));
    assert.ok(decoded.ok, decoded.ok ? '' : decoded.message);
    assert.equal(decoded.version, version);
    assert.equal(decoded.header.clientId, 'tests');
    assert.equal((decoded.body as MetadataRequest).topics?.[0]?.name, 'orders');
  }
});

test('decodeRequest tells an unknown API, an unsupported version and a malformed body apart', () => {
  const unknown = Buffer.alloc(8);
  unknown.writeInt16BE(999, 0);
  unknown.writeInt32BE(5, 4);
  const r1 = decodeRequest(unknown);
  assert.ok(!r1.ok && r1.reason === 'UNKNOWN_API' && r1.correlationId === 5);

  const tooNew = encodeRequest(
    api(ApiKey.ApiVersions),
    3,
    header(ApiKey.ApiVersions, 3),
    new ApiVersionsRequest(),
  ).subarray(4);
  tooNew.writeInt16BE(99, 2);
  const r2 = decodeRequest(tooNew);
  assert.ok(!r2.ok && r2.reason === 'UNSUPPORTED_VERSION' && r2.apiVersion === 99 && r2.correlationId === 7);

  const good = encodeRequest(api(ApiKey.Metadata), 4, header(ApiKey.Metadata, 4), new MetadataRequest()).subarray(4);
  const r3 = decodeRequest(good.subarray(0, good.length - 1));
  assert.ok(!r3.ok && r3.reason === 'INVALID_REQUEST');
  const r4 = decodeRequest(Buffer.concat([good, Buffer.from([0])]));
  assert.ok(!r4.ok && r4.reason === 'INVALID_REQUEST' && /unread/.test(r4.message));
  const r5 = decodeRequest(Buffer.from([0, 3]));
  assert.ok(!r5.ok && r5.reason === 'INVALID_REQUEST' && r5.correlationId === -1);
});

test('responses: ApiVersions v3 answered with header v0, others with their header', () => {
  const body = new ApiVersionsResponse();
  const frame = encodeResponse(api(ApiKey.ApiVersions), 3, 42, body);
  assert.equal(frame.readInt32BE(4), 42);
  // Header v0 is just the correlation id: the body (error code 0) follows at once.
  assert.equal(frame.readInt16BE(8), 0);
  const decoded = decodeResponse(api(ApiKey.ApiVersions), 3, frame.subarray(4));
  assert.ok('body' in decoded && decoded.header.correlationId === 42);
  const bad = decodeResponse(api(ApiKey.ApiVersions), 3, frame.subarray(4, frame.length - 1));
  assert.ok('error' in bad);
});

test('a spliced request frame is the plain frame cut around its record blobs, which are not copied', () => {
  const api = API_TABLE[ApiKey.Produce] as ApiSpec;
  const records = [Buffer.alloc(300, 1), Buffer.alloc(500, 2)];
  const body = new ProduceRequest();
  body.acks = -1;
  body.timeoutMs = 1000;
  const topic = new TopicProduceData();
  topic.name = 't';
  records.forEach((r, i) => {
    const p = new PartitionProduceData();
    p.index = i;
    p.records = r;
    topic.partitionData.push(p);
  });
  body.topicData.push(topic);
  for (const version of [3, 9, 11]) {
    const h = new RequestHeader();
    h.requestApiKey = ApiKey.Produce;
    h.requestApiVersion = version;
    h.correlationId = 7;
    h.clientId = 'c';
    const chunks = encodeRequestSpliced(api, version, h, body, 800);
    assert.deepEqual(Buffer.concat(chunks), encodeRequest(api, version, h, body));
    assert.ok(
      chunks.includes(records[0] as Buffer) && chunks.includes(records[1] as Buffer),
      'records are spliced, not copied',
    );
  }
});
