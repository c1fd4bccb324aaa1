#!/usr/bin/env node
// End-to-end smoke test of the local dev broker with the project's kafkajs:
//   - PLAINTEXT (KAFKA_PORT, 9092): create a topic, produce a message, consume it with a
//     consumer group, delete the topic.
//   - SASL_PLAINTEXT (KAFKA_SASL_PORT, 9094), PLAIN: sink/sink-secret and admin/admin-secret
//     can log in and produce/consume; a wrong password is rejected.
// Usage: node scripts/kafka/smoke-test.cjs      (broker started with scripts/kafka/start.sh)
'use strict';

const { Kafka, logLevel } = require('kafkajs');

const host = '127.0.0.1';
const plainBroker = `${host}:${process.env.KAFKA_PORT || 9092}`;
const saslBroker = `${host}:${process.env.KAFKA_SASL_PORT || 9094}`;

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

function client(broker, sasl, level = logLevel.WARN) {
  return new Kafka({
    clientId: 'dev-kafka-smoke-test',
    brokers: [broker],
    logLevel: level,
    connectionTimeout: 3000,
    ...(sasl ? { sasl: { mechanism: 'plain', ...sasl } } : {}),
  });
}

async function roundTrip(label, kafka) {
  const topic = `smoke-${label}-${Date.now()}`;
  const admin = kafka.admin();
  await admin.connect();
  const created = await admin.createTopics({
    topics: [{ topic, numPartitions: 1, replicationFactor: 1 }],
    waitForLeaders: true,
  });
  if (!created) throw new Error(`${label}: topic ${topic} was not created`);

  const value = `hello from ${label} ${new Date().toISOString()}`;
  const producer = kafka.producer();
  await producer.connect();
  const [meta] = await producer.send({ topic, messages: [{ key: 'k', value }] });
  await producer.disconnect();

  const consumer = kafka.consumer({ groupId: `${topic}-group` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const t0 = Date.now();
  const received = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${label}: no message within 30 s`)), 30000);
    consumer
      .run({
        eachMessage: async ({ message, partition }) => {
          clearTimeout(timer);
          resolve({ value: message.value.toString(), offset: message.offset, partition });
        },
      })
      .catch(reject);
  });
  const consumeMs = Date.now() - t0;
  await consumer.disconnect();
  if (received.value !== value) {
    throw new Error(`${label}: got '${received.value}', expected '${value}'`);
  }
  await admin.deleteTopics({ topics: [topic] });
  await admin.disconnect();
  console.log(
    `ok  ${label}: topic ${topic} created, produced at offset ${meta.baseOffset}, ` +
      `consumed via group in ${consumeMs} ms, topic deleted`,
  );
}

async function expectRejected(label, kafka) {
  const admin = kafka.admin({ retry: { retries: 0 } });
  try {
    await admin.connect();
    await admin.describeCluster();
  } catch (e) {
    await admin.disconnect().catch(() => {});
    if (e.name === 'KafkaJSSASLAuthenticationError') {
      console.log(`ok  ${label}: rejected (${e.message})`);
      return;
    }
    throw new Error(
      `${label}: failed, but not with an authentication error: ${e.name}: ${e.message}`,
    );
  }
  await admin.disconnect().catch(() => {});
  throw new Error(`${label}: login with a wrong password was ACCEPTED`);
}

async function main() {
  await roundTrip('plaintext', client(plainBroker));
  await roundTrip('sasl-sink', client(saslBroker, { username: 'sink', password: 'sink-secret' }));
  const admin = client(saslBroker, { username: 'admin', password: 'admin-secret' }).admin();
  await admin.connect();
  const info = await admin.describeCluster();
  await admin.disconnect();
  console.log(`ok  sasl-admin: admin/admin-secret logged in (cluster ${info.clusterId})`);
  await expectRejected(
    'sasl-wrong-password',
    client(saslBroker, { username: 'sink', password: 'wrong' }, logLevel.NOTHING),
  );
  await expectRejected(
    'sasl-unknown-user',
    client(saslBroker, { username: 'nobody', password: 'sink-secret' }, logLevel.NOTHING),
  );
  console.log('smoke test passed');
}

main().catch((e) => {
  console.error(`FAIL ${e.stack || e}`);
  process.exit(1);
});
