import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import type { Logger } from '../shared/index.js';
import type { ServiceModel } from './models/index.js';

/** What every provider learns about the request it serves. */
export interface RequestContext {
  requestId: string;
  /** Region from the request's SigV4 credential scope. */
  region: string;
  accountId: string;
  accessKeyId: string;
  /** Base URL the client used (scheme://host[:port]) — for URLs handed back to users. */
  endpoint: string;
  logger: Logger;
}

/** A JSON-protocol operation: input already validated against the model and decoded. */
export type JsonOperation = (input: Record<string, unknown>, ctx: RequestContext) => Promise<Record<string, unknown>>;

/** A JSON 1.0/1.1 service (routed by X-Amz-Target `<targetPrefix>.<Operation>`). */
export interface JsonService {
  readonly family: 'json';
  readonly model: ServiceModel;
  /** Implemented operations; any other operation of the model answers as not implemented. */
  readonly operations: Readonly<Record<string, JsonOperation>>;
  /** Implemented operations that only store and return state (no effect is executed). */
  readonly stateOnly?: ReadonlySet<string>;
  /** Error code for model constraint violations (default ValidationException; Logs uses InvalidParameterException). */
  readonly validationErrorCode?: string;
}

/** A REST request after SigV4 verification; `body` yields the verified payload (decoded if aws-chunked). */
export interface RestRequest {
  method: string;
  host: string;
  /** Path as received (percent-encoded). */
  rawPath: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Readable;
  /** Trailing headers of an aws-chunked body (e.g. x-amz-checksum-crc32), known once `body` ended. */
  trailers(): Record<string, string>;
}

export interface RestResponse {
  status: number;
  headers?: Record<string, string | number | undefined>;
  body?: string | Buffer | Readable;
}

/** A REST-XML service (S3). Throws AwsError for AWS errors; the gateway writes the XML envelope. */
export interface RestXmlService {
  readonly family: 's3';
  readonly model: ServiceModel;
  handle(req: RestRequest, ctx: RequestContext): Promise<RestResponse>;
  /** Model operation names this service implements (for docs/compatibility.md and its test). */
  readonly implemented?: readonly string[];
  /** Implemented operations that only store and return state (no effect is executed). */
  readonly stateOnly?: ReadonlySet<string>;
}

export type AwsService = JsonService | RestXmlService;
