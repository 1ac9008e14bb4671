/**
 * The trimmed AWS service model that scripts/gen-models.mjs writes into generated/*.ts: the
 * botocore model minus documentation and client-only traits. Shapes are referenced by name, as in
 * the source model, so recursive shapes need no special handling.
 */

export type Protocol = 'json' | 'rest-json' | 'rest-xml' | 'query' | 'ec2';

export type ShapeType =
  | 'structure'
  | 'list'
  | 'map'
  | 'string'
  | 'integer'
  | 'long'
  | 'float'
  | 'double'
  | 'boolean'
  | 'timestamp'
  | 'blob';

export type TimestampFormat = 'iso8601' | 'rfc822' | 'unixTimestamp';

/** Where a member travels in a REST request/response; absent means the body. */
export type MemberLocation = 'header' | 'headers' | 'uri' | 'querystring' | 'statusCode';

/** A reference to a shape from a member, a list member, a map key/value, or an operation. */
export interface ShapeRef {
  shape: string;
  location?: MemberLocation;
  /** Wire name (header name, URI label, XML element, query key) when it differs from the member name. */
  locationName?: string;
  xmlNamespace?: { prefix?: string; uri: string };
  xmlAttribute?: boolean;
  flattened?: boolean;
  timestampFormat?: TimestampFormat;
  /** rest-json: the header carries base64 JSON. */
  jsonvalue?: boolean;
  hostLabel?: boolean;
  streaming?: boolean;
  eventpayload?: boolean;
  /** SDKs fill it with a UUID when the caller omits it. */
  idempotencyToken?: boolean;
  queryName?: string;
  /** query protocol: the XML element wrapping an operation's output. */
  resultWrapper?: string;
}

export interface ErrorTrait {
  code?: string;
  httpStatusCode?: number;
  senderFault?: boolean;
}

export interface Shape {
  type: ShapeType;
  /** structure: members in model order. */
  members?: Record<string, ShapeRef>;
  required?: string[];
  /** string/list/map/blob: length bounds; numbers: value bounds. */
  min?: number;
  max?: number;
  /** Java regular expression, matched against the whole value. */
  pattern?: string;
  enum?: string[];
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
  flattened?: boolean;
  exception?: boolean;
  fault?: boolean;
  error?: ErrorTrait;
  /** REST: the member that is the whole HTTP body. */
  payload?: string;
  /** Values must not be echoed in messages or logs. */
  sensitive?: boolean;
  /** A free-form JSON document (any JSON value). */
  document?: boolean;
  /** Exactly one member is set. */
  union?: boolean;
  eventstream?: boolean;
  event?: boolean;
  timestampFormat?: TimestampFormat;
  xmlNamespace?: { prefix?: string; uri: string };
  locationName?: string;
  streaming?: boolean;
  requiresLength?: boolean;
}

export interface HttpBinding {
  method: string;
  requestUri: string;
  responseCode?: number;
}

export interface HttpChecksum {
  requestAlgorithmMember?: string;
  requestChecksumRequired?: boolean;
  requestValidationModeMember?: string;
  responseAlgorithms?: string[];
}

export interface Operation {
  /** Only for rest-* protocols; JSON and query operations are all `POST /`. */
  http?: HttpBinding;
  input?: ShapeRef;
  output?: ShapeRef;
  /** Names of the error shapes the operation declares, sorted. */
  errors?: string[];
  /** `none`: the request is not signed (e.g. STS AssumeRoleWithWebIdentity). */
  authtype?: string;
  auth?: string[];
  httpChecksum?: HttpChecksum;
}

export interface Paginator {
  inputToken?: string | string[];
  outputToken?: string | string[];
  limitKey?: string;
  resultKey?: string | string[];
  moreResults?: string;
}

export interface ServiceMetadata {
  apiVersion: string;
  endpointPrefix: string;
  protocol: Protocol;
  serviceId: string;
  jsonVersion?: string;
  targetPrefix?: string;
  signingName?: string;
  xmlNamespace?: string;
  awsQueryCompatible?: Record<string, never>;
}

export interface ServiceModel {
  metadata: ServiceMetadata;
  operations: Record<string, Operation>;
  paginators: Record<string, Paginator>;
  shapes: Record<string, Shape>;
}

/** What generated types use for S3-style streaming bodies: whole bytes or a stream of chunks. */
export type StreamingBlob = Uint8Array | AsyncIterable<Uint8Array>;
