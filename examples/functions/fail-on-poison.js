// Throws (an Unhandled function error) when any record's value contains "poison", to
// exercise `behavior.on.error`; otherwise acknowledges each record.
exports.handler = async (event) => {
  const poisoned = event.find(({ payload }) =>
    JSON.stringify(payload.value ?? '').includes('poison'),
  );
  if (poisoned) {
    const { topic, partition, offset } = poisoned.payload;
    throw new Error(`poison record at ${topic}-${partition}@${offset}`);
  }
  return event.map(() => ({ status_code: 200 }));
};
