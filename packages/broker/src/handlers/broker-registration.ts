/**
 * BrokerRegistration (62), versions 0-4: a broker joins the cluster at the active
 * controller (Kafka's ClusterControlManager.registerBroker, KIP-631).
 *
 * The cluster id must be this cluster's (INCONSISTENT_CLUSTER_ID). The same incarnation
 * registering again gets its broker epoch back; another incarnation of a broker that
 * is unfenced and heartbeating is DUPLICATE_BROKER_REGISTRATION; a broker that does
 * not support the cluster's metadata.version is UNSUPPORTED_VERSION. A new
 * registration is fenced until the broker heartbeats having caught up. The broker
 * epoch is the offset of its RegisterBrokerRecord.
 *
 * Versions: v1 adds isMigratingZkBroker (a ZooKeeper broker in migration: Gregor has no
 * ZooKeeper mode, so it is refused with BROKER_ID_NOT_REGISTERED, as Kafka refuses it
 * when migration is off), v2 logDirs (KIP-858), v3 previousBrokerEpoch (KIP-966:
 * accepted, not used: without ELR a restart is handled like any new incarnation), v4
 * only lets features with a minimum of 0 be sent (KAFKA-17011). Not the active
 * controller: NOT_CONTROLLER.
 */
import type { BrokerRegistrationRequest } from '@gregor/protocol';
import { ApiKey, BrokerRegistrationResponse, ErrorCode } from '@gregor/protocol';
import { isNotControllerError } from '../metadata/controller.js';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

function answer(errorCode: number, brokerEpoch = -1): BrokerRegistrationResponse {
  const r = new BrokerRegistrationResponse();
  r.errorCode = errorCode;
  r.brokerEpoch = BigInt(brokerEpoch);
  return r;
}

export const brokerRegistrationHandler: ApiHandler = defineHandler<
  BrokerRegistrationRequest,
  BrokerRegistrationResponse
>({
  apiKey: ApiKey.BrokerRegistration,
  minVersion: 0,
  maxVersion: 4,
  async handle(ctx, request) {
    const { broker, version } = ctx;
    if (request.clusterId !== broker.clusterId) return answer(ErrorCode.INCONSISTENT_CLUSTER_ID);
    if (version >= 1 && request.isMigratingZkBroker) return answer(ErrorCode.BROKER_ID_NOT_REGISTERED);
    try {
      const result = await broker.controller.brokerRegistration({
        brokerId: request.brokerId,
        incarnationId: request.incarnationId,
        listeners: request.listeners.map((l) => ({
          name: l.name,
          host: l.host,
          port: l.port,
          securityProtocol: l.securityProtocol,
        })),
        features: request.features.map((f) => ({
          name: f.name,
          minSupportedVersion: f.minSupportedVersion,
          maxSupportedVersion: f.maxSupportedVersion,
        })),
        rack: request.rack,
        logDirs: version >= 2 ? request.logDirs : [],
      });
      if (result.errorCode !== ErrorCode.NONE) {
        broker.logger.info(
          { brokerId: request.brokerId, errorCode: result.errorCode },
          `broker registration refused: ${result.errorMessage}`,
        );
      }
      return answer(result.errorCode, result.brokerEpoch);
    } catch (e) {
      if (isNotControllerError(e)) return answer(ErrorCode.NOT_CONTROLLER);
      broker.logger.error({ err: e }, 'broker registration failed');
      return answer(ErrorCode.UNKNOWN_SERVER_ERROR);
    }
  },
  errorResponse(_ctx, _request, errorCode) {
    return answer(errorCode);
  },
});
