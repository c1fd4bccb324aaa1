import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Logger } from '@nestjs/common';
import { logLevel } from 'kafkajs';
import { kafkajsLogLevel, nestLogCreator } from './kafkajs-log-creator';

function harness() {
  const lines: Array<[string, string]> = [];
  const record =
    (level: string) =>
    (message: string): void => {
      lines.push([level, message]);
    };
  const logger = {
    error: record('error'),
    warn: record('warn'),
    debug: record('debug'),
    verbose: record('verbose'),
  } as unknown as Logger;
  const log = nestLogCreator(logger)(logLevel.DEBUG);
  const entry = (level: logLevel, message: string, extra: Record<string, unknown> = {}) =>
    log({
      namespace: 'Consumer',
      level,
      label: 'x',
      log: { timestamp: '', logger: 'kafkajs', message, ...extra },
    });
  return { lines, entry };
}

describe('kafkajs lines through the Nest logger', () => {
  it('keeps errors and warnings, and shows info and debug lines as debug', () => {
    const { lines, entry } = harness();
    entry(logLevel.ERROR, 'Crash', { error: 'This server does not host this topic-partition' });
    entry(logLevel.WARN, 'Consumer is not aware of all assigned partitions');
    entry(logLevel.INFO, 'Consumer has joined the group');
    entry(logLevel.DEBUG, 'Request Fetch');
    assert.deepEqual(
      lines.map(([level]) => level),
      ['error', 'warn', 'debug', 'debug'],
    );
    assert.match(lines[0][1], /\[kafkajs\] Crash: This server does not host this topic-partition/);
  });

  it('says a repeating warning or error twice a minute at most, numbers aside', () => {
    const { lines, entry } = harness();
    for (let i = 0; i < 50; i++) entry(logLevel.ERROR, `Restarting the consumer in ${300 + i}ms`);
    assert.equal(lines.length, 1);
  });

  it('shows the warnings about choices made on purpose at debug level', () => {
    const { lines, entry } = harness();
    entry(
      logLevel.WARN,
      'Limiting retries for the idempotent producer may invalidate EoS guarantees',
    );
    assert.deepEqual(
      lines.map(([level]) => level),
      ['debug'],
    );
  });

  it('asks kafkajs for its protocol-level lines only when the process logs at debug', () => {
    assert.equal(kafkajsLogLevel('info'), logLevel.INFO);
    assert.equal(kafkajsLogLevel(undefined), logLevel.INFO);
    assert.equal(kafkajsLogLevel('debug'), logLevel.DEBUG);
  });
});
