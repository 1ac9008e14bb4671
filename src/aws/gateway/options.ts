import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock, Logger } from '../../shared/index.js';
import type { AwsService } from '../service.js';

/** A non-AWS route served on the same port (health, later git, webhooks, console). */
export interface InternalRoute {
  /** Path prefix, e.g. "/_nagare/". */
  prefix: string;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

export interface GatewayOptions {
  services: readonly AwsService[];
  /** Access key id → secret access key. Requests signed with any other key are refused. */
  credentials: ReadonlyMap<string, string>;
  accountId: string;
  clock: Clock;
  logger: Logger;
  routes?: readonly InternalRoute[];
  /** Largest JSON request body accepted (bytes). */
  maxJsonBodyBytes?: number;
}
