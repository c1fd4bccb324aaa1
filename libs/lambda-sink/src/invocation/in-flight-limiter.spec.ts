import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AdaptiveConcurrency } from './adaptive-concurrency';
import { InFlightLimiter, type InFlightSlot } from './in-flight-limiter';

const tick = () => new Promise((r) => setImmediate(r));

describe('InFlightLimiter', () => {
  it('lets at most `limit` holders in, and the next waiter in order when one leaves', async () => {
    const limiter = new InFlightLimiter(2);
    const first = await limiter.acquire();
    const second = await limiter.acquire();
    const order: number[] = [];
    const third = limiter.acquire().then((slot) => (order.push(3), slot));
    const fourth = limiter.acquire().then(() => order.push(4));
    await tick();
    assert.deepEqual(order, [], 'both wait');
    limiter.release(first);
    await third;
    assert.deepEqual(order, [3]);
    assert.equal(limiter.inFlight, 2);
    limiter.release(second);
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
    const held = await limiter.acquire();
    const abort = new AbortController();
    const waiting = limiter.acquire(abort.signal);
    abort.abort(new Error('shutdown'));
    await assert.rejects(waiting, /shutdown/);
    limiter.release(held);
    assert.equal(limiter.inFlight, 0, 'the aborted waiter took no slot');
  });

  it('with a fixed limit, throttles change nothing', async () => {
    const limiter = new InFlightLimiter(4);
    const slots = await Promise.all([1, 2, 3, 4].map(() => limiter.acquire()));
    for (const slot of slots) limiter.release(slot, 'throttled');
    assert.equal(limiter.limit, 4);
  });

  it('lowers an adaptive limit on a throttle: no new call starts until the calls in flight are below it', async () => {
    const limiter = new InFlightLimiter(new AdaptiveConcurrency(0));
    const slots = await Promise.all(Array.from({ length: 10 }, () => limiter.acquire()));
    limiter.release(slots[0], 'throttled');
    assert.equal(limiter.limit, 7, '0.7 × the 10 in flight');
    let started = 0;
    const next = limiter.acquire().then((slot) => (started++, slot));
    for (const slot of slots.slice(1, 3)) limiter.release(slot, 'answered');
    await tick();
    assert.equal(started, 0, '7 still in flight');
    limiter.release(slots[3], 'throttled');
    assert.equal(limiter.limit, 7, 'a call sent before the cut does not cut again');
    await tick();
    assert.equal(started, 1, 'in flight fell to 6, below the limit');
    limiter.release(await next, 'throttled');
    assert.equal(limiter.limit, 4, 'a call sent after the cut does');
  });

  it('lets several waiters in when the limit rises, and reports every change', async () => {
    const seen: Array<[number, number]> = [];
    const limiter = new InFlightLimiter(new AdaptiveConcurrency(8), (inFlight, limit) =>
      seen.push([inFlight, limit]),
    );
    const held: InFlightSlot[] = [];
    for (let i = 0; i < 8; i++) held.push(await limiter.acquire());
    limiter.release(held.pop() as InFlightSlot, 'throttled'); // 8 in flight → limit 5
    assert.equal(limiter.limit, 5);
    const waiters = [1, 2, 3].map(() => limiter.acquire());
    // 7 in flight: answers while saturated raise the limit by one per 5 of them.
    for (let i = 0; i < 5; i++) limiter.release(held.pop() as InFlightSlot, 'answered');
    await Promise.all(waiters);
    assert.equal(limiter.limit, 6);
    assert.equal(limiter.inFlight, 5);
    assert.deepEqual(seen.at(-1), [5, 6]);
    assert.deepEqual(seen[0], [0, 8]);
  });
});
