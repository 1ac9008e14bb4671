/** CreateRepository, GetRepository, BatchGetRepositories, ListRepositories, DeleteRepository, Update*. */
import type { JsonOperation, models } from '../../aws/index.js';
import * as source from '../../source/index.js';
import { op, scopeOf } from './operation.js';
import { toRepositoryMetadata } from './shapes.js';


export function repositoryOperations(deps: source.SourceDeps): Record<string, JsonOperation> {
  return {
    CreateRepository: op<models.codecommit.CreateRepositoryInput, models.codecommit.CreateRepositoryOutput>(async (i, ctx) => ({
      repositoryMetadata: toRepositoryMetadata(await source.createRepository(deps, scopeOf(ctx), i), ctx),
    })),

    GetRepository: op<models.codecommit.GetRepositoryInput, models.codecommit.GetRepositoryOutput>(async (i, ctx) => ({
      repositoryMetadata: toRepositoryMetadata(await source.getRepository(deps, scopeOf(ctx), i.repositoryName), ctx),
    })),

    BatchGetRepositories: op<models.codecommit.BatchGetRepositoriesInput, models.codecommit.BatchGetRepositoriesOutput>(async (i, ctx) => {
      const r = await source.batchGetRepositories(deps, scopeOf(ctx), i.repositoryNames);
      return {
        repositories: r.repositories.map((repo) => toRepositoryMetadata(repo, ctx)),
        repositoriesNotFound: r.notFound,
        errors: r.notFound.map((name) => ({ repositoryName: name, errorCode: 'RepositoryDoesNotExistException' as const, errorMessage: `${name} does not exist` })),
      };
    }),

    ListRepositories: op<models.codecommit.ListRepositoriesInput, models.codecommit.ListRepositoriesOutput>(async (i, ctx) => {
      const r = await source.listRepositories(deps, scopeOf(ctx), {
        ...(i.sortBy !== undefined ? { sortBy: i.sortBy } : {}),
        ...(i.order !== undefined ? { order: i.order } : {}),
        ...(i.nextToken !== undefined ? { nextToken: i.nextToken } : {}),
      });
      return {
        repositories: r.repositories.map((x) => ({ repositoryName: x.name, repositoryId: x.id })),
        ...(r.nextToken !== undefined ? { nextToken: r.nextToken } : {}),
      };
    }),

    DeleteRepository: op<models.codecommit.DeleteRepositoryInput, models.codecommit.DeleteRepositoryOutput>(async (i, ctx) => {
      const id = await source.deleteRepository(deps, scopeOf(ctx), i.repositoryName);
      return id === undefined ? {} : { repositoryId: id };
    }),

    UpdateRepositoryName: op<models.codecommit.UpdateRepositoryNameInput, object>(async (i, ctx) => {
      await source.updateRepositoryName(deps, scopeOf(ctx), i.oldName, i.newName);
      return {};
    }),

    UpdateRepositoryDescription: op<models.codecommit.UpdateRepositoryDescriptionInput, object>(async (i, ctx) => {
      await source.updateRepositoryDescription(deps, scopeOf(ctx), i.repositoryName, i.repositoryDescription);
      return {};
    }),
  };
}
