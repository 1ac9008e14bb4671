/**
 * How a build reaches Parameter Store and Secrets Manager (spec A.5). The executor never talks to a
 * service itself: the caller passes these (the server wires its own stores, `nagare build` an HTTP
 * client). A failing call throws an AppError whose `code` is AWS's error code (`AccessDeniedException`,
 * `ResourceNotFoundException`, …) and whose details may carry `statusCode` and `requestId`.
 */
export interface GetParametersResult {
  /** name as requested → decrypted value. */
  values: Record<string, string>;
  /** Names that do not exist (`InvalidParameters` of ssm:GetParameters). */
  invalid: string[];
}

export interface SecretValueRequest {
  secretId: string;
  versionStage?: string;
  versionId?: string;
}

export interface SecretValue {
  secretString?: string;
  secretBinary?: Uint8Array;
}

export interface SecretResolvers {
  /** ssm:GetParameters with WithDecryption=true, at most 10 names per call. */
  getParameters(names: string[]): Promise<GetParametersResult>;
  /** secretsmanager:GetSecretValue. */
  getSecretValue(request: SecretValueRequest): Promise<SecretValue>;
}
