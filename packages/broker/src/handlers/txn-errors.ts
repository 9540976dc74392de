/**
 * Error mapping shared by the transactional handlers: PRODUCER_FENCED (KIP-588) is known
 * only to clients at AddPartitionsToTxn/AddOffsetsToTxn/EndTxn v2+ and InitProducerId
 * v4+ (the schemas' version notes); older versions get INVALID_PRODUCER_EPOCH.
 */
import { ErrorCode } from '@gregor/protocol';

export function fencedForVersion(errorCode: number, version: number, firstVersionWithFenced: number): number {
  if (errorCode === ErrorCode.PRODUCER_FENCED && version < firstVersionWithFenced)
    return ErrorCode.INVALID_PRODUCER_EPOCH;
  return errorCode;
}
