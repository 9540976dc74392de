export * from './broker.js';
export * from './metadata/controller.js';
export * from './metadata/image.js';
export * from './metadata/metadata-log.js';
export * from './partition/partition.js';
export * from './partition/replica-manager.js';
export * from './server/memory-pool.js';
export * from './server/socket-server.js';
