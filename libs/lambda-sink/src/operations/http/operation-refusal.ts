import { HttpException } from '@nestjs/common';
import { OperationRefused } from '../connector-operations';

const STATUS: Record<OperationRefused['code'], number> = {
  NOT_STOPPED: 400,
  INVALID: 400,
  STOPPED: 409,
  NOT_ASSIGNED: 404,
  KAFKA_REFUSED: 409,
};

/** Connect's error body (`{"error_code", "message"}`) for a refused operation; other errors pass. */
export async function answeringRefusals<T>(operation: Promise<T>): Promise<T> {
  try {
    return await operation;
  } catch (error) {
    if (!(error instanceof OperationRefused)) throw error;
    const status = STATUS[error.code];
    throw new HttpException({ error_code: status, message: error.message }, status);
  }
}
