/** Kafka Connect's own wording where Connect has it, so operators' scripts match the same text. */
export const mustBeStopped = (name: string) =>
  `Connectors must be in the STOPPED state before their offsets can be modified. This can be done for the specified connector by issuing a 'PUT' request to the '/connectors/${name}/stop' endpoint`;
export const offsetsAltered = () => 'The offsets for this connector have been altered successfully';
export const offsetsReset = () => 'The offsets for this connector have been reset successfully';
export const offsetsBodyInvalid = (detail: string) =>
  `Invalid offsets: ${detail}. Expected {"offsets":[{"partition":{"kafka_topic":"t","kafka_partition":0},"offset":{"kafka_offset":42}}]} (offset null resets the partition)`;
export const offsetsRejectedByKafka = (reason: string) =>
  `Kafka refused the offsets change (${reason}); is another instance of this sink still running in the group?`;
export const connectorNotFound = (name: string) => `Connector ${name} not found`;
export const partitionNotAssigned = (topic: string, partition: number) =>
  `partition ${topic}-${partition} is not assigned to this instance`;
export const connectorStopped = (name: string) =>
  `Connector ${name} is STOPPED; resume it first (PUT /connectors/${name}/resume)`;
export const restartFailed = (reason: string) => `restart failed: ${reason}`;
