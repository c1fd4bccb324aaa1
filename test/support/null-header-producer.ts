import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { bootstrapServers } from './kafka';
import { repoRoot } from './sink';

const run = promisify(execFile);

/** A record to produce whose header values may be null. */
export interface RecordWithNullHeaders {
  key: string | null;
  value: string;
  /** In order, at least one (the tool reads no header list as one broken header); `null` is a null value on the wire. */
  headers: Array<[name: string, value: string | null]>;
}

// Stands for null in the tool's input lines (`null.marker`); no test text may contain it.
const NULL_MARKER = '<<null>>';

/**
 * Produces records carrying null header values. kafkajs cannot (its record encoder throws on a
 * null header value), so the broker's own console producer writes them: it is on the classpath
 * the project's broker runs from, and its `null.marker` reader setting turns a placeholder into
 * a real null header value (KIP-810). One JVM start per call, about two seconds.
 */
export async function produceWithNullHeaders(
  topic: string,
  records: RecordWithNullHeaders[],
): Promise<void> {
  const lines = records.map((r) => {
    const headerTexts = r.headers.flat().filter((t): t is string => t !== null);
    if (
      headerTexts.some((t) => /[\t\n,:]/.test(t)) ||
      /[\t\n]/.test(`${r.key ?? ''}${r.value}`) ||
      [...headerTexts, r.key, r.value].includes(NULL_MARKER) ||
      r.headers.length === 0
    )
      throw new Error('test record text that the console producer would split or read as null');
    const headers = r.headers.map(([name, value]) => `${name}:${value ?? NULL_MARKER}`).join(',');
    return `${headers}\t${r.key ?? NULL_MARKER}\t${r.value}\n`;
  });
  const tool = run(
    javaBinary(),
    [
      '-Xms32m',
      '-Xmx128m',
      '-XX:TieredStopAtLevel=1',
      '-XX:+UseSerialGC',
      `-Dlog4j2.configurationFile=${join(repoRoot, 'scripts', 'kafka', 'log4j2-tools.xml')}`,
      '-cp',
      brokerClasspath(),
      'org.apache.kafka.tools.ConsoleProducer',
      '--bootstrap-server',
      bootstrapServers,
      '--topic',
      topic,
      '--command-property',
      'acks=all',
      '--reader-property',
      'parse.key=true',
      '--reader-property',
      'parse.headers=true',
      '--reader-property',
      `null.marker=${NULL_MARKER}`,
    ],
    { timeout: 60_000 },
  );
  tool.child.stdin?.end(lines.join(''));
  try {
    await tool;
  } catch (error) {
    const { code, stderr } = error as { code?: unknown; stderr?: string };
    throw new Error(`the console producer failed (exit ${String(code)}): ${stderr?.slice(-2000)}`);
  }
}

function javaBinary(): string {
  const home = process.env.JAVA_HOME;
  return home && existsSync(join(home, 'bin', 'java')) ? join(home, 'bin', 'java') : 'java';
}

/**
 * The classpath `npm run kafka:start` resolved for the broker (`.kafka/classpath-*.txt`), in
 * this checkout or, from a git worktree, in the main checkout that runs the shared broker.
 * `KAFKA_CLASSPATH` overrides both.
 */
function brokerClasspath(): string {
  if (process.env.KAFKA_CLASSPATH) return process.env.KAFKA_CLASSPATH;
  for (const checkout of [repoRoot, mainCheckout()]) {
    if (!checkout) continue;
    const dir = join(checkout, '.kafka');
    const file = existsSync(dir)
      ? readdirSync(dir).find((f) => /^classpath-.*\.txt$/.test(f))
      : undefined;
    if (file) return readFileSync(join(dir, file), 'utf8').trim();
  }
  throw new Error(
    'no Kafka classpath found: run `npm run kafka:start` once (it resolves the broker jars), ' +
      'or set KAFKA_CLASSPATH',
  );
}

function mainCheckout(): string | undefined {
  try {
    const common = execFileSync('git', ['rev-parse', '--git-common-dir'], {
      cwd: repoRoot,
      encoding: 'utf8',
    }).trim();
    return dirname(resolve(repoRoot, common));
  } catch {
    return undefined;
  }
}
