import type { ServiceModel } from '../models/index.js';

/**
 * The SigV4 service name a request to this service must be scoped to. Like botocore, fall back to
 * the endpoint prefix when the model has no signingName (SSM and S3 models have none).
 */
export function signingNameOf(model: ServiceModel): string | undefined {
  return model.metadata.signingName ?? model.metadata.endpointPrefix;
}
