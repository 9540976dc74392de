/**
 * A classic group (the JoinGroup/SyncGroup protocol) as the coordinator holds it in
 * memory: its state, generation, members with their protocols, leader, selected
 * protocol, and its committed offsets. Kafka's ClassicGroup / ClassicGroupMember
 * (formerly GroupMetadata / MemberMetadata): the facts here follow them, the code is
 * Gregor's. The rules that move a group between states live in the coordinator; this
 * file holds the data and the bookkeeping that must stay consistent (protocol votes,
 * members awaiting JoinGroup, static members, pending members).
 *
 * States and the transitions Kafka allows (ClassicGroupState):
 *   Empty → PreparingRebalance (a member joins)
 *   PreparingRebalance → CompletingRebalance (join phase done) | Empty (no member left)
 *   CompletingRebalance → Stable (the leader's assignment is stored)
 *   Stable | CompletingRebalance → PreparingRebalance (membership or metadata changes)
 *   any → Dead (deleted, expired, or unloaded)
 */
import { CONSUMER_PROTOCOL_TYPE, subscriptionTopics } from './coordinator-key.js';
import type { OffsetAndMetadata } from './records.js';
import type { Cancel } from './scheduler.js';

export const GroupState = {
  Empty: 'Empty',
  PreparingRebalance: 'PreparingRebalance',
  CompletingRebalance: 'CompletingRebalance',
  Stable: 'Stable',
  Dead: 'Dead',
} as const;
export type GroupState = (typeof GroupState)[keyof typeof GroupState];

const VALID_PREVIOUS: Readonly<Record<GroupState, readonly GroupState[]>> = {
  Empty: ['PreparingRebalance'],
  PreparingRebalance: ['Stable', 'CompletingRebalance', 'Empty'],
  CompletingRebalance: ['PreparingRebalance'],
  Stable: ['CompletingRebalance'],
  Dead: ['Stable', 'PreparingRebalance', 'CompletingRebalance', 'Empty', 'Dead'],
};

export interface Protocol {
  name: string;
  metadata: Buffer;
}

export interface JoinMemberInfo {
  memberId: string;
  groupInstanceId: string | null;
  metadata: Buffer;
}

/** What a JoinGroup is answered with. */
export interface JoinResult {
  errorCode: number;
  memberId: string;
  generationId: number;
  protocolType: string | null;
  protocolName: string | null;
  leader: string;
  skipAssignment: boolean;
  /** Every member's metadata, for the leader only. */
  members: JoinMemberInfo[];
}

/** What a SyncGroup is answered with. */
export interface SyncResult {
  errorCode: number;
  protocolType: string | null;
  protocolName: string | null;
  assignment: Buffer;
}

const EMPTY = Buffer.alloc(0);

export function joinError(memberId: string, errorCode: number): JoinResult {
  return {
    errorCode,
    memberId,
    generationId: -1,
    protocolType: null,
    protocolName: null,
    leader: '',
    skipAssignment: false,
    members: [],
  };
}

export function syncError(errorCode: number): SyncResult {
  return { errorCode, protocolType: null, protocolName: null, assignment: EMPTY };
}

export class GroupMember {
  /** Protocols in the member's order of preference. */
  protocols: Protocol[];
  assignment: Buffer = EMPTY;
  /** Resolves the member's pending JoinGroup, if one is parked. */
  awaitingJoin: ((result: JoinResult) => void) | null = null;
  /** Resolves the member's pending SyncGroup, if one is parked. */
  awaitingSync: ((result: SyncResult) => void) | null = null;
  /** Joined but not yet through a completed join phase (expires on the new-member timeout). */
  isNew = false;
  /** The session (heartbeat) timer. */
  heartbeatTimer: Cancel | null = null;

  constructor(
    public memberId: string,
    readonly groupInstanceId: string | null,
    readonly clientId: string,
    readonly clientHost: string,
    public rebalanceTimeoutMs: number,
    public sessionTimeoutMs: number,
    readonly protocolType: string,
    protocols: Protocol[],
  ) {
    this.protocols = protocols;
  }

  get isStatic(): boolean {
    return this.groupInstanceId !== null;
  }

  /** The member's metadata for `protocol` (empty if it does not support it). */
  metadata(protocol: string): Buffer {
    for (const p of this.protocols) if (p.name === protocol) return p.metadata;
    return EMPTY;
  }

  /** Same protocols, in the same order, with the same metadata bytes. */
  matches(protocols: readonly Protocol[]): boolean {
    if (protocols.length !== this.protocols.length) return false;
    for (let i = 0; i < protocols.length; i++) {
      const a = protocols[i] as Protocol;
      const b = this.protocols[i] as Protocol;
      if (a.name !== b.name || !a.metadata.equals(b.metadata)) return false;
    }
    return true;
  }

  /** The member's first choice among `candidates`. */
  vote(candidates: ReadonlySet<string>): string {
    for (const p of this.protocols) if (candidates.has(p.name)) return p.name;
    throw new Error(`member ${this.memberId} supports none of the candidate protocols`);
  }
}

export class ClassicGroup {
  state: GroupState;
  previousState: GroupState;
  /** When the group last changed state (ms); null for groups loaded from v0/v1 records. */
  currentStateTimestampMs: number | null;
  generationId = 0;
  /** Set by the first member to join; kept while the group is empty. null: a simple (offsets-only) group. */
  protocolType: string | null = null;
  /** The protocol selected for the current generation. */
  protocolName: string | null = null;
  leaderId: string | null = null;
  /** Members in the order they joined (the leader falls back to the first). */
  readonly members = new Map<string, GroupMember>();
  /** group.instance.id → member id (KIP-345). */
  readonly staticMembers = new Map<string, string>();
  /** Member ids handed out with MEMBER_ID_REQUIRED (KIP-394), not yet joined: id → expiry timer. */
  readonly pendingMembers = new Map<string, Cancel>();
  /** Members of the current generation that have not sent SyncGroup yet. */
  readonly pendingSyncMembers = new Set<string>();
  /** Protocol name → how many members support it. */
  private readonly supportedProtocols = new Map<string, number>();
  numMembersAwaitingJoin = 0;
  /** A member joined during the initial rebalance delay: the delay may be extended. */
  newMemberAdded = false;
  /** Topics the members subscribe to (consumer protocol), null when unknown. */
  subscribedTopics: Set<string> | null = null;
  /** Committed offsets: topic → partition → offset. */
  readonly offsets = new Map<string, Map<number, OffsetAndMetadata>>();
  /** Offset commits being written: `topic\0partition` → count (not expired meanwhile). */
  readonly pendingOffsetCommits = new Map<string, number>();
  /** Join phase timer (rebalance timeout or initial delay) and sync phase timer. */
  joinTimer: Cancel | null = null;
  syncTimer: Cancel | null = null;

  constructor(
    readonly groupId: string,
    state: GroupState,
    nowMs: number,
  ) {
    this.state = state;
    this.previousState = state;
    this.currentStateTimestampMs = nowMs;
  }

  is(state: GroupState): boolean {
    return this.state === state;
  }

  transitionTo(target: GroupState, nowMs: number): void {
    if (!VALID_PREVIOUS[target].includes(this.state)) {
      throw new Error(
        `group ${this.groupId} should be in ${VALID_PREVIOUS[target].join(', ')} before moving to ${target}, not in ${this.state}`,
      );
    }
    this.previousState = this.state;
    this.state = target;
    this.currentStateTimestampMs = nowMs;
  }

  get size(): number {
    return this.members.size;
  }

  has(memberId: string): boolean {
    return this.members.has(memberId);
  }

  get(memberId: string): GroupMember | undefined {
    return this.members.get(memberId);
  }

  isLeader(memberId: string): boolean {
    return this.leaderId === memberId;
  }

  isPendingMember(memberId: string): boolean {
    return this.pendingMembers.has(memberId);
  }

  staticMemberId(groupInstanceId: string | null): string | undefined {
    return groupInstanceId === null ? undefined : this.staticMembers.get(groupInstanceId);
  }

  /** KIP-345: the instance id is held by another member id. */
  isStaticMemberFenced(groupInstanceId: string | null, memberId: string): boolean {
    const current = this.staticMemberId(groupInstanceId);
    return current !== undefined && current !== memberId;
  }

  add(member: GroupMember, joinCallback: ((r: JoinResult) => void) | null): void {
    if (this.members.size === 0) this.protocolType = member.protocolType;
    for (const p of member.protocols)
      this.supportedProtocols.set(p.name, (this.supportedProtocols.get(p.name) ?? 0) + 1);
    if (this.leaderId === null) this.leaderId = member.memberId;
    if (member.groupInstanceId !== null) this.staticMembers.set(member.groupInstanceId, member.memberId);
    this.members.set(member.memberId, member);
    this.removePendingMember(member.memberId);
    member.awaitingJoin = joinCallback;
    if (joinCallback !== null) this.numMembersAwaitingJoin++;
  }

  remove(memberId: string): GroupMember | undefined {
    const member = this.members.get(memberId);
    if (member !== undefined) {
      this.members.delete(memberId);
      for (const p of member.protocols)
        this.supportedProtocols.set(p.name, (this.supportedProtocols.get(p.name) ?? 1) - 1);
      if (member.awaitingJoin !== null) this.numMembersAwaitingJoin--;
      if (member.groupInstanceId !== null && this.staticMembers.get(member.groupInstanceId) === memberId) {
        this.staticMembers.delete(member.groupInstanceId);
      }
      member.heartbeatTimer?.();
      member.heartbeatTimer = null;
    }
    if (this.leaderId === memberId) {
      const next = this.members.keys().next();
      this.leaderId = next.done === true ? null : next.value;
    }
    this.removePendingMember(memberId);
    this.pendingSyncMembers.delete(memberId);
    return member;
  }

  addPendingMember(memberId: string, expiry: Cancel): void {
    this.pendingMembers.set(memberId, expiry);
  }

  removePendingMember(memberId: string): boolean {
    const expiry = this.pendingMembers.get(memberId);
    if (expiry === undefined) return false;
    expiry();
    this.pendingMembers.delete(memberId);
    return true;
  }

  /** Replaces the member id of a static member (KIP-345): same member, new id. */
  replaceStaticMember(groupInstanceId: string, oldMemberId: string, newMemberId: string): GroupMember {
    const member = this.members.get(oldMemberId);
    if (member === undefined) throw new Error(`static member ${groupInstanceId} has no member ${oldMemberId}`);
    this.members.delete(oldMemberId);
    member.memberId = newMemberId;
    this.members.set(newMemberId, member);
    if (this.leaderId === oldMemberId) this.leaderId = newMemberId;
    this.staticMembers.set(groupInstanceId, newMemberId);
    if (this.pendingSyncMembers.delete(oldMemberId)) this.pendingSyncMembers.add(newMemberId);
    return member;
  }

  /** Changes a member's protocols and timeouts, and parks (or clears) its JoinGroup. */
  updateMember(
    member: GroupMember,
    protocols: Protocol[],
    rebalanceTimeoutMs: number,
    sessionTimeoutMs: number,
    joinCallback: ((r: JoinResult) => void) | null,
  ): void {
    for (const p of member.protocols)
      this.supportedProtocols.set(p.name, (this.supportedProtocols.get(p.name) ?? 1) - 1);
    for (const p of protocols) this.supportedProtocols.set(p.name, (this.supportedProtocols.get(p.name) ?? 0) + 1);
    member.protocols = protocols;
    member.rebalanceTimeoutMs = rebalanceTimeoutMs;
    member.sessionTimeoutMs = sessionTimeoutMs;
    if (joinCallback !== null && member.awaitingJoin === null) this.numMembersAwaitingJoin++;
    else if (joinCallback === null && member.awaitingJoin !== null) this.numMembersAwaitingJoin--;
    member.awaitingJoin = joinCallback;
  }

  /** Answers a parked JoinGroup; false when none was parked. */
  completeJoin(member: GroupMember, result: JoinResult): boolean {
    const callback = member.awaitingJoin;
    if (callback === null) return false;
    member.awaitingJoin = null;
    this.numMembersAwaitingJoin--;
    callback(result);
    return true;
  }

  /** Answers a parked SyncGroup; false when none was parked. */
  completeSync(member: GroupMember, result: SyncResult): boolean {
    const callback = member.awaitingSync;
    if (callback === null) return false;
    member.awaitingSync = null;
    callback(result);
    return true;
  }

  /** Every member has rejoined and no KIP-394 pending member is still to come. */
  hasAllMembersJoined(): boolean {
    return this.members.size === this.numMembersAwaitingJoin && this.pendingMembers.size === 0;
  }

  /** Members of the last generation that have not rejoined. */
  notYetRejoinedMembers(): GroupMember[] {
    return [...this.members.values()].filter((m) => m.awaitingJoin === null);
  }

  /** The largest rebalance timeout of the members: how long a join phase may take. */
  rebalanceTimeoutMs(): number {
    let max = 0;
    for (const m of this.members.values()) max = Math.max(max, m.rebalanceTimeoutMs);
    return max;
  }

  canRebalance(): boolean {
    return this.state === 'Stable' || this.state === 'CompletingRebalance' || this.state === 'Empty';
  }

  /**
   * Whether a member with these protocols can be in the group: a first member needs a
   * protocol type and at least one protocol; later ones the group's type and one
   * protocol every member supports.
   */
  supportsProtocols(protocolType: string, protocols: readonly Protocol[]): boolean {
    if (this.state === 'Empty') return protocolType.length > 0 && protocols.length > 0;
    if (this.protocolType !== protocolType) return false;
    const n = this.members.size;
    return protocols.some((p) => this.supportedProtocols.get(p.name) === n);
  }

  /**
   * The protocol of the next generation: among those every member supports, the one
   * most members name first. Kafka breaks ties by hash-map order; Gregor by the order
   * the votes came in (members in join order), so the choice is deterministic.
   */
  selectProtocol(): string {
    if (this.members.size === 0) throw new Error(`cannot select a protocol for empty group ${this.groupId}`);
    const n = this.members.size;
    const candidates = new Set<string>();
    for (const [name, count] of this.supportedProtocols) if (count === n) candidates.add(name);
    const votes = new Map<string, number>();
    for (const m of this.members.values()) {
      const choice = m.vote(candidates);
      votes.set(choice, (votes.get(choice) ?? 0) + 1);
    }
    let best = '';
    let bestVotes = -1;
    for (const [name, count] of votes) {
      if (count > bestVotes) {
        best = name;
        bestVotes = count;
      }
    }
    return best;
  }

  /**
   * The leader must be a member that rejoined: if the current one did not, the first
   * member that did takes over. False when no member rejoined.
   */
  maybeElectNewJoinedLeader(): boolean {
    if (this.leaderId === null) return false;
    const leader = this.members.get(this.leaderId);
    if (leader !== undefined && leader.awaitingJoin !== null) return true;
    for (const m of this.members.values()) {
      if (m.awaitingJoin !== null) {
        this.leaderId = m.memberId;
        return true;
      }
    }
    return false;
  }

  /** Moves to the next generation: CompletingRebalance with a protocol, or Empty. */
  initNextGeneration(nowMs: number): void {
    this.generationId++;
    this.protocolName = this.members.size > 0 ? this.selectProtocol() : null;
    this.subscribedTopics = this.computeSubscribedTopics();
    this.transitionTo(this.members.size > 0 ? 'CompletingRebalance' : 'Empty', nowMs);
    this.pendingSyncMembers.clear();
  }

  /**
   * The topics of the members' ConsumerProtocol subscriptions; null when the group does
   * not use the consumer protocol or a subscription does not parse (then the group is
   * taken to be subscribed to everything, to be safe, as Kafka does).
   */
  computeSubscribedTopics(): Set<string> | null {
    if (this.protocolType !== CONSUMER_PROTOCOL_TYPE) return null;
    if (this.members.size === 0) return new Set();
    if (this.protocolName === null) return null;
    const topics = new Set<string>();
    for (const m of this.members.values()) {
      const subscribed = subscriptionTopics(m.metadata(this.protocolName));
      if (subscribed === null) return null;
      for (const t of subscribed) topics.add(t);
    }
    return topics;
  }

  isSubscribedToTopic(topic: string): boolean {
    return this.subscribedTopics === null || this.subscribedTopics.has(topic);
  }

  /** Every member's id, instance id and metadata for the selected protocol (for the leader). */
  currentMemberMetadata(): JoinMemberInfo[] {
    const protocol = this.protocolName ?? '';
    return [...this.members.values()].map((m) => ({
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId,
      metadata: m.metadata(protocol),
    }));
  }

  // --- offsets ---

  offset(topic: string, partition: number): OffsetAndMetadata | undefined {
    return this.offsets.get(topic)?.get(partition);
  }

  putOffset(topic: string, partition: number, value: OffsetAndMetadata): void {
    let byPartition = this.offsets.get(topic);
    if (byPartition === undefined) {
      byPartition = new Map();
      this.offsets.set(topic, byPartition);
    }
    byPartition.set(partition, value);
  }

  removeOffset(topic: string, partition: number): boolean {
    const byPartition = this.offsets.get(topic);
    if (byPartition === undefined) return false;
    const removed = byPartition.delete(partition);
    if (byPartition.size === 0) this.offsets.delete(topic);
    return removed;
  }

  hasOffsets(): boolean {
    return this.offsets.size > 0 || this.pendingOffsetCommits.size > 0;
  }

  hasPendingCommit(topic: string, partition: number): boolean {
    return this.pendingOffsetCommits.has(`${topic}\0${partition}`);
  }

  addPendingCommit(topic: string, partition: number, delta: 1 | -1): void {
    const key = `${topic}\0${partition}`;
    const n = (this.pendingOffsetCommits.get(key) ?? 0) + delta;
    if (n <= 0) this.pendingOffsetCommits.delete(key);
    else this.pendingOffsetCommits.set(key, n);
  }
}
