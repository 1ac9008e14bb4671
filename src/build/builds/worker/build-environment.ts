/**
 * The environment layers a build starts from (spec A.14): an explicit base (never the server's own
 * environment) plus CodeBuild's variables in AWS's formats. The base points the AWS CLI and SDKs
 * inside the build at this nagare server (`AWS_ENDPOINT_URL`) with the server's keys, which are
 * masked in the log like any secret; project variables and overrides can replace any of it.
 */
import { codebuildEnvironment } from '../../executor/index.js';
import type { CodeBuildDeps } from '../deps.js';
import type { FetchedSources } from '../sources/fetch-sources.js';
import type { Build } from '../types.js';
import type { Workspace } from './workspace.js';

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export function baseEnvironment(deps: Pick<CodeBuildDeps, 'hostPath' | 'credentials'>, build: Build, home: string): Record<string, string> {
  const env: Record<string, string> = {
    PATH: deps.hostPath || DEFAULT_PATH,
    HOME: home,
    LANG: 'C.UTF-8',
    AWS_DEFAULT_OUTPUT: 'json',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
  };
  if (build.settings.endpoint) env.AWS_ENDPOINT_URL = build.settings.endpoint;
  if (deps.credentials) {
    env.AWS_ACCESS_KEY_ID = deps.credentials.accessKeyId;
    env.AWS_SECRET_ACCESS_KEY = deps.credentials.secretAccessKey;
  }
  return env;
}

/**
 * The base inside a build container: the image's conventional PATH and root's HOME instead of the
 * server's (the image's own ENV is not visible through exec, so PATH must be given).
 */
export function containerBaseEnvironment(deps: Pick<CodeBuildDeps, 'credentials'>, build: Build): Record<string, string> {
  return baseEnvironment({ credentials: deps.credentials }, build, '/root');
}

/** Environment for the host tools the worker runs itself (git). */
export function toolEnvironment(deps: Pick<CodeBuildDeps, 'hostPath'>, ws: Workspace): Record<string, string> {
  return { PATH: deps.hostPath || DEFAULT_PATH, HOME: ws.home, LANG: 'C.UTF-8' };
}

export function systemEnvironment(build: Build, ws: Workspace, fetched: FetchedSources): Record<string, string> {
  const primary = fetched.primary;
  const env = codebuildEnvironment({
    region: build.scope.region,
    accountId: build.scope.accountId,
    projectName: build.projectName,
    buildUuid: build.uuid,
    buildNumber: build.buildNumber,
    startTime: build.startTime,
    srcDir: ws.src,
    secondarySrcDirs: Object.fromEntries(Object.entries(fetched.secondary).map(([id, s]) => [id, s.dir])),
    initiator: build.settings.initiator,
    image: build.settings.environment.image,
    ...(primary.sourceVersion !== undefined ? { sourceVersion: primary.sourceVersion } : {}),
    ...(primary.resolvedSourceVersion !== undefined ? { resolvedSourceVersion: primary.resolvedSourceVersion } : {}),
    ...(primary.repoUrl !== undefined ? { sourceRepoUrl: primary.repoUrl } : {}),
    kmsKeyId: build.settings.encryptionKey,
  });
  for (const [id, s] of Object.entries(fetched.secondary)) {
    if (s.sourceVersion !== undefined) env[`CODEBUILD_SOURCE_VERSION_${id}`] = s.sourceVersion;
    if (s.repoUrl !== undefined) env[`CODEBUILD_SOURCE_REPO_URL_${id}`] = s.repoUrl;
  }
  return env;
}

/**
 * Values masked in every log line besides Parameter Store / Secrets Manager values (spec A.5: AWS
 * masks access keys). Keys shorter than 8 characters (the loopback default `test`/`test`) are not
 * masked: they would blank every "test" in a log and protect nothing.
 */
export function maskedValues(deps: Pick<CodeBuildDeps, 'credentials'>): string[] {
  return deps.credentials ? [deps.credentials.accessKeyId, deps.credentials.secretAccessKey].filter((v) => v.length >= 8) : [];
}
