import type { LambdaLocal } from '../../libs/lambda-local/src';
import type { ScenarioResult, ScenarioSize } from './harness';
import { badInput } from './scenarios/bad-input';
import { brokerRestart, ownsBroker } from './scenarios/broker-restart';
import { poisonUnderFail } from './scenarios/poison-fail';
import { scaleOut } from './scenarios/scale-out';
import { sigkillStorm } from './scenarios/sigkill-storm';
import { sigterm } from './scenarios/sigterm';
import { throttlingStorm } from './scenarios/throttling-storm';

export interface Scenario {
  id: string;
  run: (lambda: LambdaLocal, size: ScenarioSize) => Promise<ScenarioResult>;
  /** Why it cannot run here, if it cannot. */
  unavailable?: () => string | undefined;
}

/** The reliability scenarios of issue 6, in order. */
export const SCENARIOS: Scenario[] = [
  { id: 'sigkill', run: sigkillStorm },
  { id: 'sigterm', run: sigterm },
  {
    id: 'broker-restart',
    run: brokerRestart,
    unavailable: () =>
      ownsBroker()
        ? undefined
        : "the broker is not the project's own (KAFKA_BOOTSTRAP_SERVERS), so it is not restarted",
  },
  { id: 'throttling', run: throttlingStorm },
  { id: 'poison', run: poisonUnderFail },
  { id: 'scale', run: scaleOut },
  { id: 'bad-input', run: badInput },
];
