// Public API of the source module (hosted CodeCommit repositories); re-exports only.
export type { SourceDeps } from './deps.js';
export type {
  BlobRef,
  BranchHead,
  ChangeType,
  CommitInfo,
  FileDifference,
  GitPerson,
  OnPush,
  PushEvent,
  RefUpdate,
  Repository,
  SourceScope,
} from './types.js';
export { ZERO_SHA } from './types.js';
export type { SourceErrorCode } from './errors.js';
export { repositoryNameProblem, branchNameProblem } from './names.js';
export { cloneUrlHttp, cloneUrlSsh, repositoryByCloneUrl, GIT_ROUTE_PREFIX } from './clone-url.js';
export { createRepository, type CreateRepositoryInput } from './repositories/create-repository.js';
export { getRepository, batchGetRepositories } from './repositories/get-repository.js';
export { listRepositories, type ListRepositoriesInput } from './repositories/list-repositories.js';
export type { RepositorySortBy } from './repositories/repository-repo.js';
export { deleteRepository } from './repositories/delete-repository.js';
export { updateRepositoryName, updateRepositoryDescription } from './repositories/update-repository.js';
export { repositoryPath } from './repositories/repository-path.js';
export { tagResource, untagResource, listTagsForResource } from './repositories/tags.js';
export { getBranch, resolveBranch } from './branches/resolve-branch.js';
export { listBranches } from './branches/list-branches.js';
export { createBranch } from './branches/create-branch.js';
export { deleteBranch } from './branches/delete-branch.js';
export { updateDefaultBranch } from './branches/update-default-branch.js';
export { getCommit } from './commits/get-commit.js';
export { getDifferences, type GetDifferencesInput } from './commits/get-differences.js';
export { changedFiles } from './commits/changed-files.js';
export { archiveCommit } from './commits/archive-commit.js';
export { createGitRoute, type GitHttpRoute, type GitRouteDeps } from './http/git-route.js';
export {
  remoteBranchTip,
  syncMirror,
  mirrorBranchHead,
  mirrorCommit,
  archiveMirrorCommit,
  mirrorChangedFiles,
  shownUrl,
  type RemoteRepository,
} from './mirrors/remote-mirror.js';
