import type { LambdaHandler } from '../../../libs/lambda-local/src';

interface PayloadElement {
  payload: { topic: string; partition: number; offset: number };
}

/** The response shapes a function may give: SPEC 5's three, near misses, odd values, errors. */
export const RESPONSE_SHAPES = [
  'coordinates',
  'coordinates-reversed',
  'positional',
  'wrong-length',
  'echo-without-result',
  'string',
  'number',
  'null',
  'object',
  'nested-past-1000',
  'large',
  'throws',
] as const;
export type ResponseShape = (typeof RESPONSE_SHAPES)[number];

/** A shape picked from the batch's first coordinates: the same batch always answers alike. */
export function shapeFor(partition: number, offset: number): ResponseShape {
  const mixed = Math.imul(partition + 1, 0x9e3779b1) ^ Math.imul(offset + 7, 0x85ebca6b);
  return RESPONSE_SHAPES[(mixed >>> 0) % RESPONSE_SHAPES.length];
}

const nested = (depth: number): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

/** A function whose response shape changes from batch to batch, errors included. */
export const randomShapesFunction: LambdaHandler = (event) => {
  const batch = event as PayloadElement[];
  const { partition, offset } = batch[0].payload;
  const coordinates = batch.map(({ payload }) => ({
    payload: { ...payload, result: { handled: payload.offset } },
  }));
  switch (shapeFor(partition, offset)) {
    case 'coordinates':
      return coordinates;
    case 'coordinates-reversed':
      return [...coordinates].reverse();
    case 'positional':
      return batch.map((_, i) => i);
    case 'wrong-length':
      return [...batch.map(() => 'x'), 'one too many'];
    case 'echo-without-result':
      return batch;
    case 'string':
      return 'done';
    case 'number':
      return 42;
    case 'null':
      return null;
    case 'object':
      return { status: 'ok', count: batch.length };
    case 'nested-past-1000':
      return nested(1500);
    case 'large':
      return 'L'.repeat(100_000);
    case 'throws':
      throw new Error(`fuzzed function error at ${partition}@${offset}`);
  }
};
