/**
 * The CodeCommit domain: hosted git repositories. A repository belongs to one account in one
 * region; its bare git directory is named by its id (never by its user-chosen name), so renames
 * touch no files and no user string ever becomes a filesystem path.
 */

export interface SourceScope {
  accountId: string;
  region: string;
}

export interface Repository {
  accountId: string;
  region: string;
  name: string;
  /** UUID, stable across renames; also names the bare directory `<dataDir>/git/<id>.git`. */
  id: string;
  description?: string;
  /** Set by the first push (as AWS does) or UpdateDefaultBranch. */
  defaultBranch?: string;
  kmsKeyId?: string;
  tags: Record<string, string>;
  created: Date;
  lastModified: Date;
}

/** A commit's author or committer, as git recorded it. */
export interface GitPerson {
  name: string;
  email: string;
  date: Date;
  /** Git's raw form `<epoch seconds> <±hhmm>` — what CodeCommit's UserInfo.date carries. */
  rawDate: string;
}

export interface CommitInfo {
  commitId: string;
  treeId: string;
  parents: string[];
  /** The full message exactly as stored (with its trailing newline). */
  message: string;
  author: GitPerson;
  committer: GitPerson;
}

/** What resolveBranch hands the pipeline engine: the branch tip and the commit's facts. */
export interface BranchHead extends CommitInfo {
  branchName: string;
  authorDate: Date;
  committerDate: Date;
}

/** All-zero object id: `before` of a created ref, `after` of a deleted one (as git reports them). */
export const ZERO_SHA = '0000000000000000000000000000000000000000';

export interface RefUpdate {
  /** Full ref name, e.g. `refs/heads/main`, `refs/tags/v1`. */
  ref: string;
  before: string;
  after: string;
}

/**
 * Refs changed in one repository by one push (or by CreateBranch/DeleteBranch, which AWS also
 * reports as reference events). Delivered after the refs are durable on disk.
 */
export interface PushEvent {
  accountId: string;
  region: string;
  repositoryName: string;
  repositoryId: string;
  updates: RefUpdate[];
  /** Access key id of the pusher; absent for API-made changes. */
  pusher?: string;
}

export type OnPush = (event: PushEvent) => Promise<void>;

export type ChangeType = 'A' | 'M' | 'D';

export interface BlobRef {
  blobId: string;
  path: string;
  mode: string;
}

export interface FileDifference {
  beforeBlob?: BlobRef;
  afterBlob?: BlobRef;
  changeType: ChangeType;
}
