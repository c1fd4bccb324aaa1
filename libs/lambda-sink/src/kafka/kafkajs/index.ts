export { KafkajsClient } from './kafkajs-client';
