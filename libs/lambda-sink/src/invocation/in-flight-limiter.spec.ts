import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { InFlightLimiter } from './in-flight-limiter';

describe('InFlightLimiter', () => {
  it('lets at most `limit` holders in, and the next waiter in order when one leaves', async () => {
    const limiter = new InFlightLimiter(2);
    await limiter.acquire();
    await limiter.acquire();
    const order: number[] = [];
    const third = limiter.acquire().then(() => order.push(3));
    const fourth = limiter.acquire().then(() => order.push(4));
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(order, [], 'both wait');
    limiter.release();
    await third;
    assert.deepEqual(order, [3]);
    assert.equal(limiter.inFlight, 2);
    limiter.release();
    await fourth;
    assert.deepEqual(order, [3, 4]);
  });

  it('is unlimited with limit 0', async () => {
    const limiter = new InFlightLimiter(0);
    for (let i = 0; i < 1000; i++) await limiter.acquire();
    assert.equal(limiter.inFlight, 1000);
  });

  it('drops a waiter whose signal aborts', async () => {
    const limiter = new InFlightLimiter(1);
    await limiter.acquire();
    const abort = new AbortController();
    const waiting = limiter.acquire(abort.signal);
    abort.abort(new Error('shutdown'));
    await assert.rejects(waiting, /shutdown/);
    limiter.release();
    assert.equal(limiter.inFlight, 0, 'the aborted waiter took no slot');
  });
});
