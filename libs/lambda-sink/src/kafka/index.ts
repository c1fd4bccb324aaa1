export type * from './admin.port';
export type * from './group-consumer.port';
export type * from './kafka-client.port';
export type * from './producer.port';
export type * from './connection-settings';
