/**
 * The `X-Amz-Log-Result` of a `LogType: Tail` call: base64 of the platform lines the real
 * service writes around every invocation. Handler console output is not captured: it
 * goes to this process's own stdout, where a developer already sees it.
 */
export function buildLogTail(
  requestId: string,
  version: string,
  durationMs: number,
  memorySize: number,
) {
  const duration = durationMs.toFixed(2);
  const text =
    `START RequestId: ${requestId} Version: ${version}\n` +
    `END RequestId: ${requestId}\n` +
    `REPORT RequestId: ${requestId}\tDuration: ${duration} ms\tBilled Duration: ${Math.ceil(durationMs)} ms\t` +
    `Memory Size: ${memorySize} MB\tMax Memory Used: ${memorySize} MB\t\n`;
  return Buffer.from(text).toString('base64');
}
