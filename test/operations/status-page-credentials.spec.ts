import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { browserSkipReason, launchChromium } from '../support/browser';
import { createTopic, eventually, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda } from '../support/sink';
import { startService, type RunningService } from '../support/service';

describe(
  "the status page's buttons need the API's credentials",
  { skip: browserSkipReason() },
  () => {
    let lambda: LambdaLocal;
    let service: RunningService;
    let browser: Browser;
    let page: Page;

    const connectorState = () => page.locator('#connector-state').textContent();

    before(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'page-credentials-'));
      writeFileSync(join(dir, 'connect.password'), 'ops: page-pw-1\n');
      lambda = await startLambda();
      service = await startService(
        sinkProperties(lambda, {
          topics: await createTopic(uniqueName('page-auth'), 1),
          'rest.auth.basic.users.file': join(dir, 'connect.password'),
        }),
      );
      browser = await launchChromium();
      page = await browser.newPage();
      await page.goto(`${service.url}/`);
      assert.ok(await eventually(async () => (await connectorState()) === 'RUNNING', 20_000));
    });
    after(async () => {
      await browser?.close();
      await service?.app.close();
      await lambda?.close();
    });

    it('asks for credentials on 401, refuses wrong ones, and acts with the right ones', async () => {
      const form = page.locator('#credentials');
      assert.equal(await form.isVisible(), false);
      await page.locator('#pause').click();
      await form.waitFor({ state: 'visible' });
      assert.match((await page.locator('#message').textContent()) ?? '', /credentials needed/);
      assert.equal(service.engine.status.connectorState, 'RUNNING');

      await page.locator('#user').fill('ops');
      await page.locator('#password').fill('wrong-pw');
      await page.locator('#credentials button[type=submit]').click();
      await form.waitFor({ state: 'visible' });
      assert.equal(service.engine.status.connectorState, 'RUNNING');

      await page.locator('#password').fill('page-pw-1');
      await page.locator('#credentials button[type=submit]').click();
      assert.ok(await eventually(async () => (await connectorState()) === 'PAUSED'));
      // Remembered for the tab: the next action goes through without asking.
      await page.locator('#resume').click();
      assert.ok(await eventually(async () => (await connectorState()) === 'RUNNING'));
      assert.equal(await form.isVisible(), false);
    });
  },
);
