export { Invariant, InvariantViolation, type ObservedCommit, RaftInvariants, type StoredBatch } from './invariants.js';
export {
  DEFAULT_NETWORK_FAULTS,
  type NetworkFaults,
  type NetworkStats,
  type RequestHandler,
  SimEndpoint,
  SimNetwork,
  type SimNetworkOptions,
  SimRequestTimeoutError,
} from './network.js';
export {
  CLUSTER_ID,
  type NodeStatus,
  RaftCluster,
  type RaftClusterOptions,
  SimRaftNode,
  SimStateMachine,
} from './raft-cluster.js';
export {
  InjectedBug,
  LIVENESS_BOUND_MS,
  type RaftSimulationOptions,
  type RaftSimulationResult,
  replayCommand,
  runRaftSimulation,
  SimulationFailure,
  traceCommand,
} from './raft-simulation.js';
export { SeededRandom } from './random.js';
export {
  ProcessGate,
  type RunOptions,
  type RunResult,
  SimScheduler,
  type SimTimerId,
  TimerScope,
} from './scheduler.js';
export { SlowDiskLog } from './slow-disk-log.js';
