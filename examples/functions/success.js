// The sample function of Confluent's AWS Lambda Sink documentation, in JavaScript: one
// `{ body, status_code }` per input record, as a list one-to-one with the batch, so the
// sink matches results to records by position.
exports.handler = async (event) =>
  event.map(() => ({ body: 'Successfully executed Lambda!', status_code: 200 }));
