/**
 * ListGroups (16), versions 0-5: the groups this broker coordinates (every partition of
 * `__consumer_offsets` it leads), with their protocol type. COORDINATOR_LOAD_IN_PROGRESS
 * while a partition is still loading, with the groups of the loaded ones.
 *
 * By version: v1 adds the throttle time; v3 is flexible; v4 (KIP-518) a states filter
 * and each group's state; v5 (KIP-848) a types filter and each group's type. Filters
 * match case-insensitively; an empty filter matches all. Gregor's groups are all of
 * type "classic".
 */
import type { ListGroupsRequest } from '@gregor/protocol';
import { ApiKey, ListGroupsResponse } from '@gregor/protocol';
import { ListedGroup } from '@gregor/protocol/generated/messages/list-groups-response';
import type { ApiHandler } from './handler.js';
import { defineHandler } from './handler.js';

export const listGroupsHandler: ApiHandler = defineHandler<ListGroupsRequest, ListGroupsResponse>({
  apiKey: ApiKey.ListGroups,
  minVersion: 0,
  maxVersion: 5,
  handle(ctx, request) {
    const { version } = ctx;
    const result = ctx.broker.groups.coordinator.listGroups(
      version >= 4 ? request.statesFilter : [],
      version >= 5 ? request.typesFilter : [],
    );
    const response = new ListGroupsResponse();
    response.errorCode = result.errorCode;
    for (const g of result.groups) {
      const listed = new ListedGroup();
      listed.groupId = g.groupId;
      listed.protocolType = g.protocolType;
      if (version >= 4) listed.groupState = g.groupState;
      if (version >= 5) listed.groupType = g.groupType;
      response.groups.push(listed);
    }
    return response;
  },
  errorResponse(_ctx, _request, errorCode) {
    const response = new ListGroupsResponse();
    response.errorCode = errorCode;
    return response;
  },
});
