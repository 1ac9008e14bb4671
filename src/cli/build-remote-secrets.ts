/**
 * Parameter Store and Secrets Manager for `nagare build --endpoint-url`: the build's
 * `parameter-store` / `secrets-manager` values come from a running nagare, fetched the way the
 * CodeBuild agent fetches them (GetParameters WithDecryption, GetSecretValue). Without an endpoint,
 * a buildspec that needs them fails DOWNLOAD_SOURCE with a message saying what to pass.
 */
import { AppError } from '../shared/index.js';
import type { SecretResolvers } from '../build/index.js';
import type { AwsJsonCall } from './build-aws-client.js';

interface ParameterOut {
  Name?: string;
  Value?: string;
  ARN?: string;
  Selector?: string;
}

export function remoteSecretResolvers(call: AwsJsonCall): SecretResolvers {
  return {
    async getParameters(names) {
      const out = await call('ssm', 'AmazonSSM.GetParameters', { Names: names, WithDecryption: true });
      const params = (out.Parameters as ParameterOut[] | undefined) ?? [];
      const values: Record<string, string> = {};
      for (const n of names) {
        // Answers carry the plain name; a request by ARN or `name:version` maps back through ARN/Selector.
        const hit = params.find((p) => p.Name === n || p.ARN === n || (p.Selector !== undefined && `${p.Name}${p.Selector}` === n));
        if (hit?.Value !== undefined) values[n] = hit.Value;
      }
      return { values, invalid: (out.InvalidParameters as string[] | undefined) ?? [] };
    },
    async getSecretValue(req) {
      const out = await call('secretsmanager', 'secretsmanager.GetSecretValue', {
        SecretId: req.secretId,
        ...(req.versionStage !== undefined ? { VersionStage: req.versionStage } : {}),
        ...(req.versionId !== undefined ? { VersionId: req.versionId } : {}),
      });
      return {
        ...(typeof out.SecretString === 'string' ? { secretString: out.SecretString } : {}),
        ...(typeof out.SecretBinary === 'string' ? { secretBinary: Buffer.from(out.SecretBinary, 'base64') } : {}),
      };
    },
  };
}

/** Resolvers that always fail, with a message telling the user how to provide the values. */
export function unavailableSecretResolvers(message: string): SecretResolvers {
  const fail = async (): Promise<never> => {
    throw new AppError('EndpointRequired', message, { fault: 'user' });
  };
  return { getParameters: fail, getSecretValue: fail };
}
