import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { LambdaHandler, LambdaLocal } from '../../libs/lambda-local/src';
import { browserSkipReason, launchChromium } from '../support/browser';
import { createTopic, produce, uniqueName } from '../support/kafka';
import { startPrefixProxy } from '../support/prefix-proxy';
import { exampleFunctions, sinkProperties, startLambda } from '../support/sink';
import { startService, type RunningService } from '../support/service';

// Markup an attacker might get into an error text; the page must show it as characters.
const MARKUP = '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">';

/** The example function, failing on poison with markup in its message until it is fixed. */
function poisonFunction(state: { fixed: boolean }): LambdaHandler {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const example = require(join(exampleFunctions, 'fail-on-poison.js')) as {
    handler: LambdaHandler;
  };
  return async (event, context, callback) => {
    if (state.fixed) return (event as unknown[]).map(() => ({ status_code: 200 }));
    try {
      return await example.handler(event, context, callback);
    } catch (error) {
      throw new Error(`${(error as Error).message} ${MARKUP}`);
    }
  };
}

describe('the live status page, in a real browser', { skip: browserSkipReason() }, () => {
  let lambda: LambdaLocal;
  let service: RunningService;
  let browser: Browser;
  let page: Page;
  let topic: string;
  const fn = uniqueName('fail-on-poison');
  const fixes = { fixed: false };

  const row = (partition: number) =>
    page.locator(`#partitions tr[data-partition="${topic}-${partition}"]`);
  const textOf = async (partition: number, column: string) =>
    (await row(partition).locator(`td.${column}`).textContent())?.trim();
  const until = (check: () => Promise<boolean>, what: string, timeoutMs = 20_000) =>
    (async () => {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (await check().catch(() => false)) return;
        await new Promise((r) => setTimeout(r, 200));
      }
      assert.fail(`timed out waiting until ${what}`);
    })();
  const connectorState = () => page.locator('#connector-state').textContent();

  before(async () => {
    lambda = await startLambda();
    lambda.registerFunction(fn, poisonFunction(fixes));
    topic = await createTopic(uniqueName('page'), 2);
    service = await startService(
      sinkProperties(lambda, {
        name: uniqueName('orders-sink'),
        topics: topic,
        'aws.lambda.function.name': fn,
        'aws.lambda.batch.size': '5',
      }),
    );
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('dialog', (dialog) => void dialog.dismiss());
  });
  after(async () => {
    await browser?.close();
    await service?.app.close();
    await lambda?.close();
  });

  it('shows the connector and its partitions, and records flowing until the lag is 0', async () => {
    await page.goto(`${service.url}/`);
    await until(async () => (await connectorState()) === 'RUNNING', 'the connector is RUNNING');
    await produce(
      topic,
      Array.from({ length: 40 }, (_, i) => ({ value: `order-${i}`, partition: i % 2 })),
    );
    await until(
      async () =>
        (await textOf(0, 'committed')) === '20' &&
        (await textOf(1, 'committed')) === '20' &&
        (await textOf(0, 'lag')) === '0' &&
        (await textOf(1, 'lag')) === '0',
      'both partitions committed 20 with lag 0',
    );
    assert.equal(await row(0).locator('svg polyline').count(), 2, 'two sparklines');
    const secret = page.locator('#config tr', { hasText: 'aws.secret.access.key' });
    assert.match((await secret.textContent()) ?? '', /\[hidden\]/);
  });

  it('shows a partition failed by a poison record, its error as text, and a Resume button', async () => {
    await produce(topic, [{ value: 'poison', partition: 0 }]);
    await until(
      async () =>
        (await row(0).locator('.partition-state').textContent())?.includes('FAILED') ?? false,
      'partition 0 is FAILED',
    );
    const error = (await textOf(0, 'last-error')) ?? '';
    // The function's message arrives JSON-encoded inside the error, quotes escaped.
    for (const markup of ['<script>window.__xss = 1</script>', '<img src=x onerror=']) {
      assert.ok(error.includes(markup), `the error shows ${markup} as text: ${error}`);
    }
    assert.match(error, /^\d{4}-\d\d-\d\dT.*poison record at/);
    assert.equal(await page.locator('#partitions img, #partitions script').count(), 0);
    assert.equal(await page.evaluate('window.__xss'), undefined);
    assert.equal(await row(0).locator('button.resume-partition').count(), 1);
    assert.equal(await row(1).locator('button.resume-partition').count(), 0);
    await page.screenshot({
      path: process.env.STATUS_PAGE_SCREENSHOT ?? join(tmpdir(), 'lambda-sink-status-page.png'),
      fullPage: true,
    });
  });

  it('resumes the partition with the button once the function is fixed', async () => {
    fixes.fixed = true;
    await row(0).locator('button.resume-partition').click();
    await until(
      async () =>
        (await row(0).locator('.partition-state').textContent())?.trim() === 'RUNNING' &&
        (await textOf(0, 'committed')) === '21' &&
        (await textOf(0, 'lag')) === '0',
      'partition 0 is RUNNING again with lag 0',
    );
    assert.equal(await row(0).locator('button.resume-partition').count(), 0);
  });

  it('pauses and resumes the connector', async () => {
    await page.locator('#pause').click();
    await until(async () => (await connectorState()) === 'PAUSED', 'the connector is PAUSED');
    await page.locator('#resume').click();
    await until(async () => (await connectorState()) === 'RUNNING', 'the connector is RUNNING');
  });

  it('works behind a reverse proxy that serves it under a path prefix', async () => {
    const proxy = await startPrefixProxy(service.url, '/ops/lambda-sink');
    try {
      await page.goto(proxy.url);
      await until(async () => (await connectorState()) === 'RUNNING', 'the page loads its state');
      await page.locator('#pause').click();
      await until(async () => (await connectorState()) === 'PAUSED', 'the pause goes through');
      assert.equal(service.engine.status.connectorState, 'PAUSED');
      await page.locator('#resume').click();
      await until(async () => (await connectorState()) === 'RUNNING', 'the resume goes through');
    } finally {
      await proxy.close();
    }
  });
});
