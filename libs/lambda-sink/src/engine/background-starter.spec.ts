import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import { BackgroundStarter, type StartableSink } from './background-starter';

// The retry warnings are the point of these specs, not something to read in their output.
Logger.overrideLogger(false);

/** A sink whose first `failures` starts fail, like a broker that comes up late. */
function flakySink(failures: number) {
  const calls = { start: 0, stop: 0 };
  const sink: StartableSink = {
    start: async () => {
      calls.start++;
      if (calls.start <= failures) throw new Error(`broker down (${calls.start})`);
    },
    stop: async () => {
      calls.stop++;
    },
  };
  return { sink, calls };
}

const quick = { initialMs: 5, maxMs: 20 };

describe('BackgroundStarter', () => {
  it('returns at once and starts the sink after bootstrap', async () => {
    const { sink, calls } = flakySink(0);
    const starter = new BackgroundStarter(sink, quick);
    starter.begin();
    assert.equal(calls.start, 0);
    assert.equal(starter.state.starting, true);
    await sleep(10);
    assert.equal(calls.start, 1);
    assert.deepEqual(starter.state, { starting: false, attempts: 1, lastError: undefined });
  });

  it('retries a failed start, cleaning up after each failure, until it succeeds', async () => {
    const { sink, calls } = flakySink(3);
    const starter = new BackgroundStarter(sink, quick);
    starter.begin();
    await sleep(15);
    assert.equal(starter.state.starting, true);
    assert.match(starter.state.lastError ?? '', /broker down/);
    await sleep(100);
    assert.equal(calls.start, 4);
    assert.equal(calls.stop, 3);
    assert.equal(starter.state.starting, false);
    assert.equal(starter.state.lastError, undefined);
  });

  it('stops retrying once halted', async () => {
    const { sink, calls } = flakySink(Infinity);
    const starter = new BackgroundStarter(sink, quick);
    starter.begin();
    await sleep(30);
    await starter.halt(100);
    const attempts = calls.start;
    await sleep(60);
    assert.equal(calls.start, attempts);
    assert.equal(starter.state.starting, false);
  });

  it('waits no longer than asked for an attempt under way', async () => {
    const sink: StartableSink = { start: () => new Promise(() => {}), stop: async () => {} };
    const starter = new BackgroundStarter(sink, quick);
    starter.begin();
    await sleep(5);
    const began = Date.now();
    await starter.halt(50);
    assert.ok(Date.now() - began < 500);
  });
});
