/**
 * Data for the built-in action types (see action-types.ts for the contract).
 * Sources: configuration keys from the CodePipeline user guide's action-reference-<Provider> pages
 * (spec C.7); artifact counts from reference-pipeline-structure "Valid input and output artifacts for
 * each action type"; timeouts from the limits page (spec C.8). Required keys match what
 * CreatePipeline enforces ("... is missing required configuration '<key>'"). `key`/`queryable`/
 * `description` are our best reading of the docs: AWS does not publish ListActionTypes output for
 * built-in types, so these flags are unverified.
 */
import type { ActionTypeSpec } from './action-types.js';
import type { ActionCategory, ActionConfigurationProperty, ActionOwner } from './types.js';

function prop(name: string, required: boolean, description: string, flags: { key?: boolean; secret?: boolean; type?: 'String' | 'Boolean' | 'Number' } = {}): ActionConfigurationProperty {
  return { name, required, key: flags.key ?? required, secret: flags.secret ?? false, queryable: false, description, type: flags.type ?? 'String' };
}

const id = (category: ActionCategory, owner: ActionOwner, provider: string) => ({ category, owner, provider, version: '1' });
const SOURCE_ARTIFACTS = { input: { minimumCount: 0, maximumCount: 0 }, output: { minimumCount: 1, maximumCount: 1 } };
const HOUR = 60;
const POLL = prop('PollForSourceChanges', false, 'Whether CodePipeline polls the source for changes (default true when omitted)', { type: 'Boolean' });
const ARTIFACT_FORMAT = prop('OutputArtifactFormat', false, 'CODE_ZIP (default) or CODEBUILD_CLONE_REF');

const codeBuild = (category: 'Build' | 'Test'): ActionTypeSpec => ({
  id: id(category, 'AWS', 'CodeBuild'),
  properties: [
    prop('ProjectName', true, 'The name of the CodeBuild project'),
    prop('PrimarySource', false, 'The input artifact whose directory becomes CODEBUILD_SRC_DIR (required with several inputs)'),
    prop('BatchEnabled', false, 'Run a batch build (StartBuildBatch)', { type: 'Boolean' }),
    prop('CombineArtifacts', false, 'Combine batch build artifacts into one output artifact', { type: 'Boolean' }),
    prop('EnvironmentVariables', false, 'JSON array of {name, value, type} overriding project environment variables'),
  ],
  input: { minimumCount: 1, maximumCount: 5 },
  output: { minimumCount: 0, maximumCount: 5 },
  timeoutMinutes: 8 * HOUR,
  outputVariables: 'dynamic',
  runnable: true,
});

export const ACTION_TYPE_CATALOG: readonly ActionTypeSpec[] = [
  {
    id: id('Source', 'AWS', 'CodeCommit'),
    properties: [prop('RepositoryName', true, 'The CodeCommit repository'), prop('BranchName', true, 'The branch to watch'), POLL, ARTIFACT_FORMAT],
    ...SOURCE_ARTIFACTS,
    timeoutMinutes: HOUR,
    outputVariables: ['CommitId', 'CommitMessage', 'RepositoryName', 'BranchName', 'AuthorDate', 'CommitterDate'],
    runnable: true,
  },
  {
    id: id('Source', 'AWS', 'S3'),
    properties: [
      prop('S3Bucket', true, 'The versioned bucket holding the source object'),
      prop('S3ObjectKey', true, 'The key of the source object (a zip)'),
      POLL,
      prop('AllowOverrideForS3ObjectKey', false, 'Allow StartPipelineExecution to override S3ObjectKey', { type: 'Boolean' }),
    ],
    ...SOURCE_ARTIFACTS,
    timeoutMinutes: HOUR,
    outputVariables: ['ETag', 'VersionId'],
    runnable: true,
  },
  {
    id: id('Source', 'AWS', 'CodeStarSourceConnection'),
    properties: [
      prop('ConnectionArn', true, 'The ARN of the connection'),
      prop('FullRepositoryId', true, 'owner/repository'),
      prop('BranchName', true, 'The branch to watch'),
      ARTIFACT_FORMAT,
      prop('DetectChanges', false, 'Start the pipeline on a change (default true)', { type: 'Boolean' }),
    ],
    ...SOURCE_ARTIFACTS,
    timeoutMinutes: HOUR,
    outputVariables: ['AuthorDate', 'BranchName', 'CommitId', 'CommitMessage', 'ConnectionArn', 'FullRepositoryName'],
    runnable: true,
  },
  {
    id: id('Source', 'ThirdParty', 'GitHub'),
    properties: [
      prop('Owner', true, 'The GitHub user or organization'),
      prop('Repo', true, 'The repository name'),
      prop('Branch', true, 'The branch to watch'),
      prop('OAuthToken', true, 'A GitHub personal access token', { key: false, secret: true }),
      POLL,
    ],
    ...SOURCE_ARTIFACTS,
    timeoutMinutes: HOUR,
    outputVariables: ['CommitId', 'CommitMessage', 'CommitUrl', 'RepositoryName', 'BranchName', 'AuthorDate', 'CommitterDate'],
    runnable: true,
  },
  {
    // Not in the brief's list: accepted so CDK/CloudFormation pipelines with ECR sources validate.
    id: id('Source', 'AWS', 'ECR'),
    properties: [prop('RepositoryName', true, 'The ECR repository'), prop('ImageTag', false, 'The image tag to watch (default latest)')],
    ...SOURCE_ARTIFACTS,
    timeoutMinutes: HOUR,
    outputVariables: ['RegistryId', 'RepositoryName', 'ImageTag', 'ImageDigest', 'ImageURI'],
    runnable: false,
  },
  codeBuild('Build'),
  codeBuild('Test'),
  {
    id: id('Approval', 'AWS', 'Manual'),
    properties: [
      prop('NotificationArn', false, 'SNS topic notified when approval is needed'),
      prop('CustomData', false, 'Text shown to approvers'),
      prop('ExternalEntityLink', false, 'URL shown to approvers'),
    ],
    input: { minimumCount: 0, maximumCount: 0 },
    output: { minimumCount: 0, maximumCount: 0 },
    timeoutMinutes: 7 * 24 * HOUR,
    outputVariables: [],
    runnable: true,
  },
  {
    id: id('Deploy', 'AWS', 'S3'),
    properties: [
      prop('BucketName', true, 'The destination bucket'),
      prop('Extract', true, 'Unzip the artifact before uploading', { type: 'Boolean' }),
      prop('ObjectKey', false, 'The object key (required when Extract is false)'),
      prop('KMSEncryptionKeyARN', false, 'KMS key for the uploaded objects'),
      prop('CannedACL', false, 'Canned ACL applied to the objects'),
      prop('CacheControl', false, 'Cache-Control header of the objects'),
    ],
    input: { minimumCount: 1, maximumCount: 1 },
    output: { minimumCount: 0, maximumCount: 0 },
    timeoutMinutes: 90,
    outputVariables: [],
    runnable: true,
  },
  {
    id: id('Deploy', 'AWS', 'ECS'),
    properties: [
      prop('ClusterName', true, 'The ECS cluster'),
      prop('ServiceName', true, 'The ECS service'),
      prop('FileName', false, 'The image definitions file (default imagedefinitions.json)'),
      prop('DeploymentTimeout', false, 'Minutes to wait for the deployment (at most 60)', { type: 'Number' }),
    ],
    input: { minimumCount: 1, maximumCount: 1 },
    output: { minimumCount: 0, maximumCount: 0 },
    timeoutMinutes: HOUR,
    outputVariables: [],
    runnable: false,
  },
  {
    id: id('Deploy', 'AWS', 'CodeDeploy'),
    properties: [prop('ApplicationName', true, 'The CodeDeploy application'), prop('DeploymentGroupName', true, 'The CodeDeploy deployment group')],
    input: { minimumCount: 1, maximumCount: 1 },
    output: { minimumCount: 0, maximumCount: 0 },
    timeoutMinutes: 5 * 24 * HOUR,
    outputVariables: [],
    runnable: false,
  },
  {
    id: id('Deploy', 'AWS', 'CodeDeployToECS'),
    properties: [
      prop('ApplicationName', true, 'The CodeDeploy application'),
      prop('DeploymentGroupName', true, 'The CodeDeploy deployment group'),
      prop('TaskDefinitionTemplateArtifact', true, 'The input artifact holding the task definition'),
      prop('AppSpecTemplateArtifact', true, 'The input artifact holding the AppSpec file'),
      prop('TaskDefinitionTemplatePath', false, 'Task definition file name (default taskdef.json)'),
      prop('AppSpecTemplatePath', false, 'AppSpec file name (default appspec.yaml)'),
      prop('Image1ArtifactName', false, 'Input artifact holding imageDetail.json for image 1'),
      prop('Image1ContainerName', false, 'Placeholder replaced by image 1 in the task definition'),
      prop('Image2ArtifactName', false, 'Input artifact holding imageDetail.json for image 2'),
      prop('Image2ContainerName', false, 'Placeholder replaced by image 2 in the task definition'),
    ],
    extraKeys: ['Image3ArtifactName', 'Image3ContainerName', 'Image4ArtifactName', 'Image4ContainerName'],
    input: { minimumCount: 1, maximumCount: 5 },
    output: { minimumCount: 0, maximumCount: 0 },
    timeoutMinutes: 5 * 24 * HOUR,
    outputVariables: [],
    runnable: false,
  },
];
