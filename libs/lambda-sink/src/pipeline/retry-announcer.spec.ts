import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Logger } from '@nestjs/common';
import type { PartitionStatus } from '../operations/status/sink-status';
import { RetryAnnouncer } from './retry-announcer';

function harness() {
  const lines: Array<[string, string]> = [];
  const logger = {
    warn: (m: unknown) => lines.push(['warn', String(m)]),
    log: (m: unknown) => lines.push(['log', String(m)]),
  } as unknown as Logger;
  let now = 1_000_000;
  const announcer = new RetryAnnouncer(logger, () => now);
  const status: PartitionStatus = { topic: 'orders', partition: 3, state: 'RUNNING' };
  return { lines, announcer, status, advance: (ms: number) => (now += ms) };
}

const batch = { firstOffset: 40, lastOffset: 49 };
const throttled = new Error('Rate exceeded');

describe('RetryAnnouncer', () => {
  it('warns with the coordinates and the reason when a partition starts retrying', () => {
    const { lines, announcer, status } = harness();
    announcer.retrying(status, batch, 1, 200, throttled);
    assert.equal(lines.length, 1);
    assert.equal(lines[0][0], 'warn');
    assert.match(lines[0][1], /orders-3@40-49: retrying after attempt 1 failed \(Rate exceeded\)/);
    assert.deepEqual(
      { offset: status.retry?.offset, attempts: status.retry?.attempts },
      { offset: 40, attempts: 1 },
    );
    assert.equal(announcer.attemptsSoFar(status, 40), 1);
    assert.equal(announcer.attemptsSoFar(status, 50), 0, 'another batch starts from zero');
  });

  it('warns again at a bounded rate while the retries go on, and logs the recovery', () => {
    const { lines, announcer, status, advance } = harness();
    for (let attempt = 1; attempt <= 20; attempt++) {
      announcer.retrying(status, batch, attempt, 1000, throttled);
      advance(2000);
    }
    // 40 s of retries: the first warning, then one 30 s later.
    assert.equal(lines.filter(([level]) => level === 'warn').length, 2);
    assert.match(lines[1][1], /still retrying after attempt 16/);
    announcer.answered(status, 40, 49);
    assert.equal(status.retry, undefined);
    assert.match(lines.at(-1)?.[1] ?? '', /orders-3@40-49: Lambda answered after 21 attempts/);
  });

  it('says nothing on an answer when the partition was not retrying', () => {
    const { lines, announcer, status } = harness();
    announcer.answered(status, 40, 49);
    assert.deepEqual(lines, []);
  });
});
