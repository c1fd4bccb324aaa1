import type { Logger } from '@nestjs/common';
import { describeError } from '../errors/messages';
import type { GroupConsumerPort } from '../kafka';

/** The longest a stop waits for the consumer to leave the group. */
const DISCONNECT_WAIT_MS = 10_000;

/**
 * Leaves the group, waiting at most DISCONNECT_WAIT_MS: a client stuck between a crash and its
 * own restart may never finish disconnecting, and a shutdown must end.
 */
export async function leaveGroup(consumer: GroupConsumerPort, logger: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), DISCONNECT_WAIT_MS);
  });
  const left = consumer.disconnect().then(
    () => 'left' as const,
    (e: unknown) => {
      logger.warn(`disconnect: ${describeError(e)}`);
      return 'left' as const;
    },
  );
  if ((await Promise.race([left, gaveUp])) === 'timeout')
    logger.warn(`the consumer did not disconnect within ${DISCONNECT_WAIT_MS} ms; left as is`);
  clearTimeout(timer);
}
