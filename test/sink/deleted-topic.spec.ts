import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConsoleLogger, Logger } from '@nestjs/common';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, eventually, uniqueName, withAdmin } from '../support/kafka';
import { sinkProperties, startLambda } from '../support/sink';
import { pause, withSink } from '../outcomes/support/outcomes';

/** Every error and warning line the sink logs. */
class LineLog extends ConsoleLogger {
  readonly lines: string[] = [];
  override error(message: unknown, ...rest: unknown[]) {
    this.lines.push(String(message));
    super.error(message, ...rest);
  }
  override warn(message: unknown, ...rest: unknown[]) {
    this.lines.push(String(message));
    super.warn(message, ...rest);
  }
}

describe('a consumed topic deleted while the sink runs', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());
  afterEach(() => Logger.overrideLogger(new ConsoleLogger()));

  it('is reported, but at a bounded rate, not lines per second', async () => {
    const log = new LineLog();
    Logger.overrideLogger(log);
    const topic = await createTopic(uniqueName('deleted'), 1);
    await withSink(sinkProperties(lambda, { topics: topic }), async (engine) => {
      assert.ok(await eventually(() => engine.status.tasks[0]?.joinedGroup === true));
      await withAdmin((admin) => admin.deleteTopics({ topics: [topic] }));
      // kafkajs starts crashing in a loop some 20 s after the topic is gone, several times a
      // second; once it has been said, the next 15 s of the loop add (almost) nothing.
      assert.ok(
        await eventually(() => log.lines.some((l) => /consumer crashed/.test(l)), 40_000),
        'the problem is said',
      );
      await pause(2_000);
      const before = log.lines.length;
      await pause(15_000);
      const lines = log.lines.slice(before);
      assert.ok(
        lines.length <= 3,
        `at most a few lines in 15 s of crashes, got ${lines.length}:\n${lines.join('\n')}`,
      );
    });
  });
});
