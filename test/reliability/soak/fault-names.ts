/** The faults a soak can run (each is described in docs/RELIABILITY.md). */
export const FAULT_NAMES = [
  'throttling storm',
  '5xx burst',
  'hang past socket timeout',
  'SIGKILL + restart',
  'scale 1→2→1',
  'result topic refuses writes',
  'broker restart',
] as const;

export type FaultName = (typeof FAULT_NAMES)[number];

/** The rotation; kills and scaling alternate between the services from one round to the next. */
export const ROTATION: FaultName[] = [
  'throttling storm',
  'SIGKILL + restart',
  '5xx burst',
  'scale 1→2→1',
  'hang past socket timeout',
  'result topic refuses writes',
  'broker restart',
  'SIGKILL + restart',
];
