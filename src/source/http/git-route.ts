/**
 * The smart-HTTP git endpoint of hosted repositories, served on the API port under /git/
 * (structurally the gateway's InternalRoute). Every exchange — fetch and push alike — needs HTTP
 * Basic credentials (access key id / secret access key): a server reachable off loopback must not
 * hand out code to anyone who asks. Unknown repositories are 404 (after authentication, so
 * existence does not leak). A receive-pack runs under the repository's ref lock; refs are compared
 * before and after it, which catches every update git made however the request body was encoded.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SourceDeps } from '../deps.js';
import { GIT_ROUTE_PREFIX, parseGitPath } from '../clone-url.js';
import { diffRefs, snapshotRefs } from '../git/refs.js';
import { withRefLock } from '../push/ref-lock.js';
import { recordRefChanges } from '../push/record-ref-changes.js';
import { repositoryDir } from '../repositories/repository-dir.js';
import { findRepository } from '../repositories/repository-repo.js';
import type { RefUpdate } from '../types.js';
import { BASIC_REALM, authenticateBasic } from './basic-auth.js';
import { cgiPathTail, cgiQuery, classifyGitRequest } from './git-service.js';
import { runHttpBackend } from './run-http-backend.js';

export interface GitRouteDeps extends SourceDeps {
  /** Access key id → secret access key: the pairs allowed to fetch and push. */
  credentials: ReadonlyMap<string, string>;
}

export interface GitHttpRoute {
  prefix: string;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(text);
}

export function createGitRoute(deps: GitRouteDeps): GitHttpRoute {
  return {
    prefix: GIT_ROUTE_PREFIX,
    async handle(req, res) {
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const rawPath = q < 0 ? url : url.slice(0, q);
      const query = new URLSearchParams(q < 0 ? '' : url.slice(q + 1));
      const method = req.method ?? 'GET';
      const target = parseGitPath(rawPath);
      const exchange = target && classifyGitRequest(method, target.rest, query);
      if (!target || !exchange) {
        req.resume();
        return plain(res, 404, 'Not a git endpoint of a nagare repository.\n');
      }
      const user = authenticateBasic(req.headers.authorization, deps.credentials);
      if (user === undefined) {
        req.resume();
        return plain(res, 401, 'Authentication required: use an access key id as the user name and its secret access key as the password.\n', {
          'www-authenticate': BASIC_REALM,
        });
      }
      const repo = await findRepository(deps.db, target.scope, target.name);
      if (!repo) {
        req.resume();
        return plain(res, 404, `Repository not found: ${target.name}\n`);
      }
      const gitDir = repositoryDir(deps.dataDir, repo.id);
      const call = { pathInfo: `/${repo.id}.git/${cgiPathTail(exchange)}`, query: cgiQuery(exchange), user };
      if (exchange !== 'receive-pack') {
        await runHttpBackend(deps, req, res, call);
        res.end();
        return;
      }
      let updates: RefUpdate[] = [];
      await withRefLock(repo.id, async () => {
        const before = await snapshotRefs(deps, gitDir);
        await runHttpBackend(deps, req, res, call);
        // Whatever the exit code: refs git did update are updated, and must be reported.
        updates = diffRefs(before, await snapshotRefs(deps, gitDir));
      });
      if (updates.length > 0) {
        deps.logger.info({ repository: repo.name, region: repo.region, pusher: user, updates }, 'git push');
        await recordRefChanges(deps, repo, updates, user);
      }
      res.end();
    },
  };
}
