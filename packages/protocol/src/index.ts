export * from './codec-support.js';
export * from './crc32c.js';
export * from './generated/index.js';
export * from './message-class.js';
export * from './reader.js';
export * from './uuid.js';
export * from './varint.js';
export * from './writer.js';
