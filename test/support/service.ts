import type { INestApplication } from '@nestjs/common';
import { bootstrapService } from '../../apps/lambda-sink/src/bootstrap';
import { LambdaSinkEngine } from '../../libs/lambda-sink/src';

export interface RunningService {
  app: INestApplication;
  url: string;
  engine: LambdaSinkEngine;
  get(path: string): Promise<{ status: number; body: unknown; text: string }>;
  put(path: string): Promise<number>;
}

/** The standalone service, in this process, on a free port. */
export async function startService(properties: Record<string, string>): Promise<RunningService> {
  const app = await bootstrapService(properties, { port: 0, jsonLogs: false });
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    url,
    engine: app.get(LambdaSinkEngine),
    async get(path) {
      const response = await fetch(url + path);
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Prometheus text and other non-JSON bodies stay text.
      }
      return { status: response.status, body, text };
    },
    async put(path) {
      return (await fetch(url + path, { method: 'PUT' })).status;
    },
  };
}
