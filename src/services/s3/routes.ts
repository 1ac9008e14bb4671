/**
 * Which S3 operation a request is: method + level (service, bucket, object) + sub-resource query
 * parameters + a few headers, in S3's own precedence. The first matching route wins. Operations
 * of the model that nagare does not implement route with `implemented: false` so they answer S3's
 * NotImplemented error instead of being mistaken for a plain GET/PUT of the bucket or object.
 */
export type Level = 'service' | 'bucket' | 'object';

export interface Route {
  method: string;
  level: Level;
  /** Query parameters that must all be present. */
  query?: string[];
  /** Query parameter=value that must match (ListObjectsV2: list-type=2). */
  queryValue?: [string, string];
  /** Header that must be present (x-amz-copy-source). */
  header?: string;
  operation: string;
  implemented: boolean;
}

type Method = 'GET' | 'PUT' | 'DELETE' | 'POST';
const METHODS: readonly Method[] = ['GET', 'PUT', 'DELETE', 'POST'];

/** Sub-resources nagare does not implement, with the model's operation name per method. */
const UNSUPPORTED_BUCKET: Record<string, Partial<Record<Method, string>>> = {
  acl: { PUT: 'PutBucketAcl' },
  abac: { GET: 'GetBucketAbac', PUT: 'PutBucketAbac' },
  accelerate: { GET: 'GetBucketAccelerateConfiguration', PUT: 'PutBucketAccelerateConfiguration' },
  analytics: { GET: 'GetBucketAnalyticsConfiguration', PUT: 'PutBucketAnalyticsConfiguration', DELETE: 'DeleteBucketAnalyticsConfiguration' },
  cors: { GET: 'GetBucketCors', PUT: 'PutBucketCors', DELETE: 'DeleteBucketCors' },
  encryption: { GET: 'GetBucketEncryption', PUT: 'PutBucketEncryption', DELETE: 'DeleteBucketEncryption' },
  'intelligent-tiering': {
    GET: 'GetBucketIntelligentTieringConfiguration', PUT: 'PutBucketIntelligentTieringConfiguration',
    DELETE: 'DeleteBucketIntelligentTieringConfiguration',
  },
  inventory: { GET: 'GetBucketInventoryConfiguration', PUT: 'PutBucketInventoryConfiguration', DELETE: 'DeleteBucketInventoryConfiguration' },
  logging: { GET: 'GetBucketLogging', PUT: 'PutBucketLogging' },
  metadataConfiguration: { GET: 'GetBucketMetadataConfiguration', POST: 'CreateBucketMetadataConfiguration', DELETE: 'DeleteBucketMetadataConfiguration' },
  metadataTable: { GET: 'GetBucketMetadataTableConfiguration', POST: 'CreateBucketMetadataTableConfiguration', DELETE: 'DeleteBucketMetadataTableConfiguration' },
  metrics: { GET: 'GetBucketMetricsConfiguration', PUT: 'PutBucketMetricsConfiguration', DELETE: 'DeleteBucketMetricsConfiguration' },
  notification: { GET: 'GetBucketNotificationConfiguration', PUT: 'PutBucketNotificationConfiguration' },
  'object-lock': { GET: 'GetObjectLockConfiguration', PUT: 'PutObjectLockConfiguration' },
  ownershipControls: { GET: 'GetBucketOwnershipControls', PUT: 'PutBucketOwnershipControls', DELETE: 'DeleteBucketOwnershipControls' },
  policy: { GET: 'GetBucketPolicy', PUT: 'PutBucketPolicy', DELETE: 'DeleteBucketPolicy' },
  policyStatus: { GET: 'GetBucketPolicyStatus' },
  publicAccessBlock: { GET: 'GetPublicAccessBlock', PUT: 'PutPublicAccessBlock', DELETE: 'DeletePublicAccessBlock' },
  replication: { GET: 'GetBucketReplication', PUT: 'PutBucketReplication', DELETE: 'DeleteBucketReplication' },
  requestPayment: { GET: 'GetBucketRequestPayment', PUT: 'PutBucketRequestPayment' },
  session: { GET: 'CreateSession' },
  tagging: { GET: 'GetBucketTagging', PUT: 'PutBucketTagging', DELETE: 'DeleteBucketTagging' },
  website: { GET: 'GetBucketWebsite', PUT: 'PutBucketWebsite', DELETE: 'DeleteBucketWebsite' },
};

const UNSUPPORTED_OBJECT: Record<string, Partial<Record<Method, string>>> = {
  acl: { PUT: 'PutObjectAcl' },
  attributes: {},
  encryption: { PUT: 'UpdateObjectEncryption' },
  'legal-hold': { GET: 'GetObjectLegalHold', PUT: 'PutObjectLegalHold' },
  renameObject: { PUT: 'RenameObject' },
  restore: { POST: 'RestoreObject' },
  retention: { GET: 'GetObjectRetention', PUT: 'PutObjectRetention' },
  select: { POST: 'SelectObjectContent' },
  torrent: { GET: 'GetObjectTorrent' },
};

/**
 * Routes for unsupported sub-resources, for every method: a method the model has no operation
 * for is still caught here, so e.g. `DELETE /bucket?accelerate` can never fall through to DeleteBucket.
 */
function unsupportedRoutes(level: Level, table: Record<string, Partial<Record<Method, string>>>, implemented: ReadonlySet<string>): Route[] {
  return Object.entries(table).flatMap(([sub, ops]) =>
    METHODS.filter((m) => !implemented.has(`${m} ${sub}`)).map((m) => route(m, level, ops[m] ?? `${m} ?${sub}`, { query: [sub] }, false)));
}

const route = (method: string, level: Level, operation: string, extra: Partial<Route> = {}, implemented = true): Route =>
  ({ method, level, operation, implemented, ...extra });

export const ROUTES: readonly Route[] = [
  route('GET', 'service', 'ListBuckets'),
  route('GET', 'bucket', 'GetBucketAcl', { query: ['acl'] }),
  route('GET', 'bucket', 'GetBucketLifecycleConfiguration', { query: ['lifecycle'] }),
  route('PUT', 'bucket', 'PutBucketLifecycleConfiguration', { query: ['lifecycle'] }),
  route('DELETE', 'bucket', 'DeleteBucketLifecycle', { query: ['lifecycle'] }),
  route('GET', 'bucket', 'GetBucketLocation', { query: ['location'] }),
  route('GET', 'bucket', 'GetBucketVersioning', { query: ['versioning'] }),
  route('PUT', 'bucket', 'PutBucketVersioning', { query: ['versioning'] }),
  route('GET', 'bucket', 'ListObjectVersions', { query: ['versions'] }),
  route('GET', 'bucket', 'ListMultipartUploads', { query: ['uploads'] }),
  route('POST', 'bucket', 'DeleteObjects', { query: ['delete'] }),
  ...unsupportedRoutes('bucket', UNSUPPORTED_BUCKET, new Set(['GET acl'])),
  route('GET', 'bucket', 'ListObjectsV2', { queryValue: ['list-type', '2'] }),
  route('GET', 'bucket', 'ListObjects'),
  route('HEAD', 'bucket', 'HeadBucket'),
  route('PUT', 'bucket', 'CreateBucket'),
  route('DELETE', 'bucket', 'DeleteBucket'),
  route('POST', 'bucket', 'PostObject', {}, false),
  route('GET', 'object', 'GetObjectAcl', { query: ['acl'] }),
  route('GET', 'object', 'GetObjectTagging', { query: ['tagging'] }),
  route('PUT', 'object', 'PutObjectTagging', { query: ['tagging'] }),
  route('DELETE', 'object', 'DeleteObjectTagging', { query: ['tagging'] }),
  route('GET', 'object', 'GetObjectAttributes', { query: ['attributes'] }),
  ...unsupportedRoutes('object', UNSUPPORTED_OBJECT, new Set(['GET acl', 'GET attributes'])),
  route('POST', 'object', 'CreateMultipartUpload', { query: ['uploads'] }),
  route('POST', 'object', 'CompleteMultipartUpload', { query: ['uploadId'] }),
  route('PUT', 'object', 'UploadPartCopy', { query: ['uploadId', 'partNumber'], header: 'x-amz-copy-source' }),
  route('PUT', 'object', 'UploadPart', { query: ['uploadId', 'partNumber'] }),
  route('GET', 'object', 'ListParts', { query: ['uploadId'] }),
  route('DELETE', 'object', 'AbortMultipartUpload', { query: ['uploadId'] }),
  route('PUT', 'object', 'CopyObject', { header: 'x-amz-copy-source' }),
  route('PUT', 'object', 'PutObject'),
  route('GET', 'object', 'GetObject'),
  route('HEAD', 'object', 'HeadObject'),
  route('DELETE', 'object', 'DeleteObject'),
];

export interface RouteRequest {
  method: string;
  level: Level;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
}

/** The first route that matches, or undefined (S3 answers MethodNotAllowed). */
export function matchRoute(req: RouteRequest, routes: readonly Route[] = ROUTES): Route | undefined {
  return routes.find((r) =>
    r.method === req.method
    && r.level === req.level
    && (r.query ?? []).every((q) => req.query.has(q))
    && (r.queryValue === undefined || req.query.get(r.queryValue[0]) === r.queryValue[1])
    && (r.header === undefined || req.headers[r.header] !== undefined));
}
