/**
 * The CodePipeline declaration shapes exactly as they travel on the wire (CodePipeline_20150709,
 * botocore 1.43 model): member names, optionality and enum values match the official model, so a
 * value decoded by the gateway can be passed here unchanged and a value built here can be encoded
 * back without renaming. The pipeline module may not import aws/, hence the copy; keep it in step
 * with src/aws/models/generated/codepipeline.ts when the model is regenerated.
 */

export type ActionCategory = 'Source' | 'Build' | 'Deploy' | 'Test' | 'Invoke' | 'Approval' | 'Compute';
export type ActionOwner = 'AWS' | 'ThirdParty' | 'Custom';
export type ExecutionMode = 'QUEUED' | 'SUPERSEDED' | 'PARALLEL';
export type PipelineType = 'V1' | 'V2';
export type ConditionResult = 'ROLLBACK' | 'FAIL' | 'RETRY' | 'SKIP';
export type StageRetryMode = 'FAILED_ACTIONS' | 'ALL_ACTIONS';
export type EnvironmentVariableType = 'PLAINTEXT' | 'SECRETS_MANAGER';
export type GitPullRequestEventType = 'OPEN' | 'UPDATED' | 'CLOSED';
export type ActionConfigurationPropertyType = 'String' | 'Number' | 'Boolean';

export interface ActionTypeId {
  category: ActionCategory;
  owner: ActionOwner;
  provider: string;
  version: string;
}

export interface InputArtifact {
  name: string;
}

export interface OutputArtifact {
  name: string;
  /** Commands action only: the paths/globs exported into the artifact. */
  files?: string[];
}

export interface EnvironmentVariable {
  name: string;
  value: string;
  type?: EnvironmentVariableType;
}

export interface ActionDeclaration {
  name: string;
  actionTypeId: ActionTypeId;
  runOrder?: number;
  configuration?: Record<string, string>;
  commands?: string[];
  outputArtifacts?: OutputArtifact[];
  inputArtifacts?: InputArtifact[];
  outputVariables?: string[];
  roleArn?: string;
  region?: string;
  namespace?: string;
  timeoutInMinutes?: number;
  environmentVariables?: EnvironmentVariable[];
}

export interface BlockerDeclaration {
  name: string;
  type: 'Schedule';
}

export interface RuleTypeId {
  category: 'Rule';
  owner?: 'AWS';
  provider: string;
  version?: string;
}

export interface RuleDeclaration {
  name: string;
  ruleTypeId: RuleTypeId;
  configuration?: Record<string, string>;
  commands?: string[];
  inputArtifacts?: InputArtifact[];
  roleArn?: string;
  region?: string;
  timeoutInMinutes?: number;
}

export interface Condition {
  result?: ConditionResult;
  rules?: RuleDeclaration[];
}

export interface FailureConditions {
  result?: ConditionResult;
  retryConfiguration?: { retryMode?: StageRetryMode };
  conditions?: Condition[];
}

export interface SuccessConditions {
  conditions: Condition[];
}

export interface BeforeEntryConditions {
  conditions: Condition[];
}

export interface StageDeclaration {
  name: string;
  blockers?: BlockerDeclaration[];
  actions: ActionDeclaration[];
  onFailure?: FailureConditions;
  onSuccess?: SuccessConditions;
  beforeEntry?: BeforeEntryConditions;
}

export interface EncryptionKey {
  id: string;
  type: 'KMS';
}

export interface ArtifactStore {
  type: 'S3';
  location: string;
  encryptionKey?: EncryptionKey;
}

/** Include/exclude glob lists shared by tag, branch and file-path criteria. */
export interface GitFilterCriteria {
  includes?: string[];
  excludes?: string[];
}

export interface GitPushFilter {
  tags?: GitFilterCriteria;
  branches?: GitFilterCriteria;
  filePaths?: GitFilterCriteria;
}

export interface GitPullRequestFilter {
  events?: GitPullRequestEventType[];
  branches?: GitFilterCriteria;
  filePaths?: GitFilterCriteria;
}

export interface GitConfiguration {
  sourceActionName: string;
  push?: GitPushFilter[];
  pullRequest?: GitPullRequestFilter[];
}

export interface PipelineTriggerDeclaration {
  providerType: 'CodeStarSourceConnection';
  gitConfiguration: GitConfiguration;
}

export interface PipelineVariableDeclaration {
  name: string;
  defaultValue?: string;
  description?: string;
}

export interface PipelineDeclaration {
  name: string;
  roleArn: string;
  artifactStore?: ArtifactStore;
  artifactStores?: Record<string, ArtifactStore>;
  stages: StageDeclaration[];
  version?: number;
  executionMode?: ExecutionMode;
  pipelineType?: PipelineType;
  variables?: PipelineVariableDeclaration[];
  triggers?: PipelineTriggerDeclaration[];
}

/** ListActionTypes / GetActionType shapes. */
export interface ActionConfigurationProperty {
  name: string;
  required: boolean;
  key: boolean;
  secret: boolean;
  queryable?: boolean;
  description?: string;
  type?: ActionConfigurationPropertyType;
}

export interface ArtifactDetails {
  minimumCount: number;
  maximumCount: number;
}

export interface ActionTypeSettings {
  thirdPartyConfigurationUrl?: string;
  entityUrlTemplate?: string;
  executionUrlTemplate?: string;
  revisionUrlTemplate?: string;
}

export interface ActionType {
  id: ActionTypeId;
  settings?: ActionTypeSettings;
  actionConfigurationProperties?: ActionConfigurationProperty[];
  inputArtifactDetails: ArtifactDetails;
  outputArtifactDetails: ArtifactDetails;
}
