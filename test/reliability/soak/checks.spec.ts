import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SoakSample } from './run-soak';
import { rssTrendPercent } from './checks';

/** RSS samples every 2 s of one process over [from, to] s, started at `bornS`. */
function series(
  ordering: SoakSample['ordering'],
  pid: number,
  bornS: number,
  from: number,
  to: number,
  mb: (t: number) => number,
) {
  const samples: SoakSample[] = [];
  for (let t = from; t <= to; t += 2) {
    samples.push({
      t,
      ordering,
      throughput: 0,
      rssMb: mb(t),
      rssAgeMs: (t - bornS) * 1000,
      pid,
      failedPartitions: 0,
      load1: 0,
    });
  }
  return samples;
}

describe('soak RSS trend', () => {
  it('reads two flat services at different levels as flat', () => {
    // The shape of the 2-minute run that failed CI: one service's process early in the last
    // half, the other's restarted process 10 MB higher late in it.
    const samples = [
      ...series('key', 1, 0, 60, 108, () => 150),
      ...series('partition', 2, 29, 89, 120, () => 160),
    ];
    assert.ok(Math.abs(rssTrendPercent(samples, 120)) < 0.01);
  });

  it('reads a service whose processes restart at the same level as flat', () => {
    const samples = [
      ...series('partition', 1, 0, 900, 1300, () => 150),
      ...series('partition', 2, 1300, 1360, 1800, () => 150),
    ];
    assert.equal(rssTrendPercent(samples, 1800), 0);
  });

  it('reads a process that grows 10 % over the last half as about +10 %', () => {
    const samples = series('key', 1, 0, 60, 120, (t) => 150 + (15 * (t - 60)) / 60);
    const trend = rssTrendPercent(samples, 120);
    assert.ok(trend > 9 && trend < 11, `trend=${trend}`);
  });

  it('leaves out each process’s first minute', () => {
    // Climbing steeply while young, flat once warm.
    const samples = series('key', 3, 70, 70, 120, (t) => (t < 130 ? 100 + (t - 70) : 160));
    assert.ok(Number.isNaN(rssTrendPercent(samples, 120)), 'no sample is past warm-up');
    const older = series('partition', 4, 0, 60, 120, () => 150);
    assert.equal(rssTrendPercent([...samples, ...older], 120), 0);
  });
});
