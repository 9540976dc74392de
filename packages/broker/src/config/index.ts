/** Broker and topic configuration: Kafka's names, types, defaults and precedence. */
export * from './broker-config.js';
export * from './definitions.js';
export * from './listeners.js';
export * from './properties.js';
export * from './topic-config.js';
export * from './typed-config.js';
export * from './values.js';
