export type { SigV4Context, SigV4Family, SigV4Options, SigV4Payload, SigV4Request } from './types.js';
export { verifySigV4 } from './verify.js';
export { AwsChunkedDecoder, createAwsChunkedDecoder, type AwsChunkedDecoderOptions } from './aws-chunked-decoder.js';
export { payloadMismatchError } from './errors.js';
export { DEFAULT_MAX_SKEW_MS } from './check-time.js';
