/** Everything written to stdout and stderr while `work` runs (it is still written through). */
export async function capturingOutput<T>(
  work: () => Promise<T>,
): Promise<{ result: T; output: string }> {
  const chunks: string[] = [];
  const streams = [process.stdout, process.stderr];
  const originals = streams.map((s) => s.write.bind(s));
  streams.forEach((stream, i) => {
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return (originals[i] as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
  });
  try {
    const result = await work();
    return { result, output: chunks.join('') };
  } finally {
    streams.forEach((stream, i) => (stream.write = originals[i]));
  }
}
