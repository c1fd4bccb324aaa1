/** Waits for every promise to settle, or for `timeoutMs`; true when all settled in time. */
export async function waitAll(work: Promise<unknown>[], timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const all = Promise.allSettled(work).then(() => true);
  const result = await Promise.race([all, timeout]);
  clearTimeout(timer);
  return result;
}
