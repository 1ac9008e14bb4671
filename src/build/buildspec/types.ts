/**
 * The normalised, typed buildspec the executor runs (spec Part A). Every value is already coerced
 * the way AWS reads it: scalars become the text as written (`CI: true` → "true", `golang: 1.10` →
 * "1.10", spec A.5), yes/no flags become booleans, absent optional blocks get their defaults.
 * Plain data only (JSON-serialisable) so it can be stored with the build.
 */

/** 0.1 runs every command in a fresh shell; 0.2 carries cwd and variables over (spec A.3, A.9). */
export type BuildspecVersion = '0.1' | '0.2';

export type PhaseName = 'install' | 'pre_build' | 'build' | 'post_build';

/** Execution order is fixed by name, never by the order of keys in the file (spec A.8). */
export const PHASE_ORDER: readonly PhaseName[] = ['install', 'pre_build', 'build', 'post_build'];

/** The phase type CodeBuild reports for each buildspec phase (spec A.10, `[CBM BuildPhaseType]`). */
export const PHASE_TYPE: Readonly<Record<PhaseName, 'INSTALL' | 'PRE_BUILD' | 'BUILD' | 'POST_BUILD'>> = {
  install: 'INSTALL',
  pre_build: 'PRE_BUILD',
  build: 'BUILD',
  post_build: 'POST_BUILD',
};

/**
 * `on-failure` (spec A.8). `RETRY` alone means 3 retries for any error; `pattern` is the regex the
 * error message must match for a retry (undefined = any, i.e. `.*`).
 */
export type OnFailure =
  | { kind: 'ABORT' }
  | { kind: 'CONTINUE' }
  | { kind: 'RETRY'; count: number; pattern?: string };

export interface Phase {
  name: PhaseName;
  /** Overrides the top-level `run-as` for this phase only (spec A.4). */
  runAs?: string;
  onFailure?: OnFailure;
  /** install only: runtime → version, as written (may hold `$VAR`, spec A.8). */
  runtimeVersions?: Record<string, string>;
  commands: string[];
  /** Runs after `commands` even when one of them failed (spec A.8). */
  finally: string[];
  /** 1-based line of the phase key, for logs and diagnostics. */
  line: number;
}

/** `secret-id[:json-key[:version-stage[:version-id]]]` (spec A.5); empty parts are omitted. */
export interface SecretReference {
  raw: string;
  secretId: string;
  jsonKey?: string;
  versionStage?: string;
  versionId?: string;
}

export interface BuildspecEnv {
  /** `bash`, `/bin/sh`, `powershell.exe`, `cmd.exe`; undefined = the image default (sh on Linux). */
  shell?: string;
  /** Literal values, never expanded (spec A.5). Lowest precedence of all variable sources. */
  variables: Record<string, string>;
  /** local name → SSM parameter name. */
  parameterStore: Record<string, string>;
  secretsManager: Record<string, SecretReference>;
  exportedVariables: string[];
  gitCredentialHelper: boolean;
}

export interface ArtifactSpec {
  /** Globs relative to `$CODEBUILD_SRC_DIR` or `baseDirectory`; may hold `$VARS` (spec A.12). */
  files: string[];
  /** Shell-evaluated at build time; honoured only with `overrideArtifactName` (spec A.12). */
  name?: string;
  discardPaths: boolean;
  baseDirectory?: string;
  excludePaths: string[];
  enableSymlinks: boolean;
  s3Prefix?: string;
}

export interface SecondaryArtifact extends ArtifactSpec {
  identifier: string;
}

export interface Artifacts extends ArtifactSpec {
  /** False when the file had no `artifacts/files` (AWS still requires it at upload, spec A.12). */
  hasFiles: boolean;
  secondaryArtifacts: SecondaryArtifact[];
}

export const REPORT_FILE_FORMATS = [
  'CUCUMBERJSON',
  'JUNITXML',
  'NUNITXML',
  'NUNIT3XML',
  'TESTNGXML',
  'VISUALSTUDIOTRX',
  'CLOVERXML',
  'COBERTURAXML',
  'JACOCOXML',
  'SIMPLECOV',
] as const;
export type ReportFileFormat = (typeof REPORT_FILE_FORMATS)[number];

export interface ReportGroup {
  /** A report-group ARN, or a name that becomes `<project>-<name>` (spec A.11). */
  nameOrArn: string;
  files: string[];
  baseDirectory?: string;
  discardPaths: boolean;
  /** Upper-cased; `JUNITXML` when absent (spec A.11). */
  fileFormat: ReportFileFormat;
}

export interface CacheSpec {
  paths: string[];
  key?: string;
  fallbackKeys: string[];
  /** undefined = restore and save (spec A.13). */
  action?: 'restore' | 'save';
}

export interface ProxySpec {
  uploadArtifacts: boolean;
  logs: boolean;
}

export interface BatchTaskEnv {
  computeType?: string;
  image?: string;
  privilegedMode?: boolean;
  type?: string;
  variables: Record<string, string>;
}

/** A `build-list` / `build-graph` entry (spec A.7). */
export interface BatchTask {
  identifier: string;
  buildspec?: string;
  debugSession?: boolean;
  dependOn: string[];
  ignoreFailure: boolean;
  env?: BatchTaskEnv;
}

export interface BatchMatrix {
  static: { ignoreFailure: boolean; env: Omit<BatchTaskEnv, 'variables'> & { variables: Record<string, string> } };
  dynamic: { buildspec: string[]; env: { computeType: string[]; image: string[]; variables: Record<string, string[]> } };
}

/** Kept so batch builds can be added later; a normal build ignores it (spec A.7). */
export interface BatchSpec {
  fastFail: boolean;
  type?: 'build-list' | 'build-graph' | 'build-matrix' | 'build-fanout';
  tasks: BatchTask[];
  matrix?: BatchMatrix;
  /** `build-fanout` is kept as plain data: its keys were not researched (spec A.7, unverified). */
  fanout?: unknown;
}

export interface Buildspec {
  file: string;
  version: BuildspecVersion;
  runAs?: string;
  env: BuildspecEnv;
  proxy: ProxySpec;
  batch?: BatchSpec;
  /** Declared phases only, in execution order (see plan-build.ts for all four). */
  phases: Phase[];
  reports: ReportGroup[];
  artifacts?: Artifacts;
  cache?: CacheSpec;
}
