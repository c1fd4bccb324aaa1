// A function written for AWS Lambda's own Kafka trigger (self-managed Apache Kafka event source
// mapping), unchanged: it reads the event the way Powertools' Kafka consumer does — records
// grouped under "topic-partition" keys, key and value base64, headers as byte arrays — and sums
// the orders it was given. Behind the sink it runs with `aws.lambda.payload.format=esm`.
//
// An order it cannot read (not JSON, or no numeric total) is reported the way a function with
// ReportBatchItemFailures does, as Powertools' batch processor writes Kafka identifiers; with
// `aws.lambda.response.partial.batch=true` only those records go to `behavior.on.error`.
const text = (base64) => Buffer.from(base64, 'base64').toString('utf8');

function readOrder(record) {
  try {
    const order = JSON.parse(text(record.value));
    return typeof order?.total === 'number' ? order : undefined;
  } catch {
    return undefined;
  }
}

export const handler = async (event) => {
  if (event.eventSource !== 'SelfManagedKafka') {
    throw new Error(`not a self-managed Kafka event: ${event.eventSource}`);
  }
  const orders = [];
  const batchItemFailures = [];
  for (const [topicPartition, records] of Object.entries(event.records)) {
    for (const record of records) {
      // A deleted order (tombstone) comes without a value.
      if (record.value === undefined) continue;
      const order = readOrder(record);
      if (order === undefined) {
        batchItemFailures.push({
          itemIdentifier: { partition: topicPartition, offset: record.offset },
        });
        continue;
      }
      const headers = Object.fromEntries(
        record.headers.flatMap((header) =>
          Object.entries(header).map(([name, bytes]) => [
            name,
            Buffer.from(bytes).toString('utf8'),
          ]),
        ),
      );
      orders.push({
        topicPartition,
        offset: record.offset,
        key: record.key === undefined ? null : text(record.key),
        id: order.id,
        total: order.total,
        channel: headers.channel ?? null,
      });
    }
  }
  return {
    batchItemFailures,
    orders,
    revenue: orders.reduce((sum, order) => sum + order.total, 0),
  };
};
