import type { ScopeProblem, SigV4Errors } from './errors.js';

export const TERMINATOR = 'aws4_request';

export interface CredentialScope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  terminator: string;
}

/** akid/date/region/service/terminator — exactly five non-empty elements. */
export function parseCredential(credential: string, presigned: boolean, errors: SigV4Errors): CredentialScope {
  const parts = credential.split('/');
  if (parts.length !== 5 || parts.some((p) => p === '')) throw errors.malformedCredential(credential, presigned);
  const [accessKeyId, date, region, service, terminator] = parts as [string, string, string, string, string];
  return { accessKeyId, date, region, service, terminator };
}

export interface ScopeExpectations {
  amzDate: string;
  expectedRegion: string | undefined;
  expectedService: string | undefined;
}

/**
 * Checks the scope against the endpoint. Services are compared by signing name, never by host label
 * (ECR's host is api.ecr.<region> but its scope says `ecr`). Without an expected region any
 * well-formed region name is accepted. All problems are collected because Coral reports them together.
 */
export function checkScope(scope: CredentialScope, expect: ScopeExpectations, presigned: boolean, errors: SigV4Errors): void {
  const problems: ScopeProblem[] = [];
  const regionOk =
    expect.expectedRegion === undefined ? /^[a-z0-9][a-z0-9-]*$/.test(scope.region) : scope.region === expect.expectedRegion;
  if (!regionOk) problems.push({ kind: 'region', got: scope.region, expected: expect.expectedRegion });
  if (expect.expectedService !== undefined && scope.service !== expect.expectedService) {
    problems.push({ kind: 'service', got: scope.service, expected: expect.expectedService });
  }
  if (scope.terminator !== TERMINATOR) problems.push({ kind: 'terminator', got: scope.terminator });
  const requestDay = expect.amzDate.slice(0, 8);
  if (scope.date !== requestDay) problems.push({ kind: 'date', got: scope.date, expected: requestDay, amzDate: expect.amzDate });
  if (problems.length > 0) throw errors.scopeMismatch(problems, presigned);
}

export function scopeString(scope: CredentialScope): string {
  return `${scope.date}/${scope.region}/${scope.service}/${scope.terminator}`;
}
