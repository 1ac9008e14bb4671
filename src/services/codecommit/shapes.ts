/** Domain values → CodeCommit's AWS shapes. */
import type { RequestContext, models } from '../../aws/index.js';
import { formatArn } from '../../shared/index.js';
import * as source from '../../source/index.js';

export function repositoryArn(r: Pick<source.Repository, 'accountId' | 'region' | 'name'>): string {
  return formatArn({ service: 'codecommit', region: r.region, account: r.accountId, resource: r.name });
}

export function toRepositoryMetadata(r: source.Repository, ctx: RequestContext): models.codecommit.RepositoryMetadata {
  const scope = { accountId: r.accountId, region: r.region };
  return {
    accountId: r.accountId,
    repositoryId: r.id,
    repositoryName: r.name,
    ...(r.description !== undefined ? { repositoryDescription: r.description } : {}),
    ...(r.defaultBranch !== undefined ? { defaultBranch: r.defaultBranch } : {}),
    lastModifiedDate: r.lastModified,
    creationDate: r.created,
    cloneUrlHttp: source.cloneUrlHttp(ctx.endpoint, scope, r.name),
    cloneUrlSsh: source.cloneUrlSsh(ctx.endpoint, scope, r.name),
    Arn: repositoryArn(r),
    ...(r.kmsKeyId !== undefined ? { kmsKeyId: r.kmsKeyId } : {}),
  };
}

const toUserInfo = (p: source.GitPerson): models.codecommit.UserInfo => ({ name: p.name, email: p.email, date: p.rawDate });

export function toAwsCommit(c: source.CommitInfo): models.codecommit.Commit {
  return {
    commitId: c.commitId,
    treeId: c.treeId,
    parents: c.parents,
    message: c.message,
    author: toUserInfo(c.author),
    committer: toUserInfo(c.committer),
    additionalData: '',
  };
}
