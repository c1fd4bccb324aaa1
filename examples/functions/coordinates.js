// Answers in the coordinates format (`{ payload: { result, topic, partition, offset } }`)
// and in reversed order, to show that the sink matches results by coordinates, not position.
exports.handler = async (event) =>
  event
    .map(({ payload: { topic, partition, offset, value } }) => ({
      payload: { result: { processed: value }, topic, partition, offset },
    }))
    .reverse();
