/** Log lines of the background start (`autoStart: 'background'`). */
export const startupMessages = {
  retrying: (attempt: number, error: string, delayMs: number) =>
    `could not start (attempt ${attempt}): ${error}; retrying in ${delayMs} ms`,
  started: (attempts: number) => `started after ${attempts} attempts`,
};
