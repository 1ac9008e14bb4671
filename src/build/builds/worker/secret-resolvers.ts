/**
 * Parameter Store and Secrets Manager as a build sees them (spec A.5): the build's own account and
 * region, values decrypted. Errors keep the secrets domain's AWS error codes (ParameterNotFound,
 * ResourceNotFoundException…), which the executor prints as the agent would.
 */
import { parameterStore, secretsManager, type SecretsDeps } from '../../../secrets/index.js';
import { isAppError } from '../../../shared/index.js';
import type { SecretResolvers } from '../../executor/index.js';
import type { CodeBuildScope } from '../../projects/types.js';

export function secretResolvers(deps: SecretsDeps, scope: CodeBuildScope): SecretResolvers {
  return {
    async getParameters(names) {
      const values: Record<string, string> = {};
      const invalid: string[] = [];
      for (const name of names) {
        try {
          values[name] = (await parameterStore.getParameter(deps, scope, name, true)).value;
        } catch (err) {
          if (isAppError(err) && (err.code === 'ParameterNotFound' || err.code === 'ParameterVersionNotFound')) invalid.push(name);
          else throw err;
        }
      }
      return { values, invalid };
    },
    async getSecretValue(request) {
      const view = await secretsManager.getSecretValue(deps, scope, request);
      return view.value.kind === 'string' ? { secretString: view.value.text } : { secretBinary: view.value.bytes };
    },
  };
}
