/**
 * DeleteGroups (42), versions 0-2: deletes groups with no members, and their committed
 * offsets (tombstones in `__consumer_offsets`), answered once durable. A group with
 * members gets NON_EMPTY_GROUP, one that does not exist GROUP_ID_NOT_FOUND. v1 changes
 * nothing but the throttle behaviour (KIP-219), v2 is flexible.
 */
import type { DeleteGroupsRequest } from '@gregor/protocol';
import { ApiKey, DeleteGroupsResponse, ErrorCode } from '@gregor/protocol';
import { DeletableGroupResult } from '@gregor/protocol/generated/messages/delete-groups-response';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

function result(groupId: string, errorCode: number): DeletableGroupResult {
  const r = new DeletableGroupResult();
  r.groupId = groupId;
  r.errorCode = errorCode;
  return r;
}

export const deleteGroupsHandler: ApiHandler = defineHandler<DeleteGroupsRequest, DeleteGroupsResponse>({
  apiKey: ApiKey.DeleteGroups,
  minVersion: 0,
  maxVersion: 2,
  async handle(ctx, request) {
    const errors = await ctx.broker.groups.coordinator.deleteGroups(request.groupsNames);
    const response = new DeleteGroupsResponse();
    const seen = new Set<string>();
    for (const groupId of request.groupsNames) {
      if (seen.has(groupId)) continue;
      seen.add(groupId);
      response.results.push(result(groupId, errors.get(groupId) ?? ErrorCode.UNKNOWN_SERVER_ERROR));
    }
    return response;
  },
  errorResponse(_ctx, request, errorCode) {
    const response = new DeleteGroupsResponse();
    for (const groupId of request.groupsNames) response.results.push(result(groupId, errorCode));
    return response;
  },
});
