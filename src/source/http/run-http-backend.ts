/**
 * One smart-HTTP exchange through `git http-backend` (CGI). The request body streams into the
 * child (CONTENT_LENGTH only when the request has one: chunked pushes are read to EOF; gzip bodies
 * are inflated by http-backend itself); the CGI head becomes the HTTP status and headers and the
 * rest streams back with back-pressure. The response is NOT ended here: a push ends it only after
 * its ref changes are recorded, so `git push` returning means onPush has run.
 */
import { spawn } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SourceDeps } from '../deps.js';
import { gitEnv } from '../git/run-git.js';
import { gitRoot } from '../repositories/repository-dir.js';
import { parseCgiHead } from './cgi-response.js';

export interface BackendCall {
  /** PATH_INFO: `/<repositoryId>.git/<info/refs|git-upload-pack|git-receive-pack>` — built by us. */
  pathInfo: string;
  query: string;
  /** Authenticated access key id; non-empty REMOTE_USER is what lets http-backend run receive-pack. */
  user: string;
}

/** Resolves with the child's exit code once it has exited and its output has been written. */
export function runHttpBackend(deps: Pick<SourceDeps, 'dataDir' | 'hostPath' | 'logger'>, req: IncomingMessage, res: ServerResponse, call: BackendCall): Promise<number | null> {
  const h = req.headers;
  const env: Record<string, string> = {
    ...gitEnv(deps),
    GIT_PROJECT_ROOT: gitRoot(deps.dataDir),
    GIT_HTTP_EXPORT_ALL: '1',
    PATH_INFO: call.pathInfo,
    QUERY_STRING: call.query,
    REQUEST_METHOD: req.method ?? 'GET',
    CONTENT_TYPE: h['content-type'] ?? '',
    REMOTE_USER: call.user,
    REMOTE_ADDR: req.socket.remoteAddress ?? '',
  };
  if (h['content-length'] !== undefined) env.CONTENT_LENGTH = h['content-length'];
  if (typeof h['git-protocol'] === 'string') env.GIT_PROTOCOL = h['git-protocol'];
  if (typeof h['content-encoding'] === 'string') env.HTTP_CONTENT_ENCODING = h['content-encoding'];

  const child = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  return new Promise((resolve) => {
    let stderr = '';
    let head = Buffer.alloc(0);
    let headDone = false;
    let exitCode: number | null = null;
    let exited = false;
    let drained = false;
    const finish = (): void => {
      if (!exited || !drained) return;
      if (!headDone && !res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).write('git http-backend failed\n');
      if (exitCode !== 0) deps.logger.warn({ exitCode, stderr: stderr.slice(-2000), pathInfo: call.pathInfo }, 'git http-backend exited with an error');
      resolve(exitCode);
    };

    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < 16_384) stderr += d.toString('utf8');
    });
    child.stdin.on('error', () => undefined); // the child may exit before reading everything
    req.on('error', () => child.kill('SIGTERM'));
    res.on('close', () => {
      if (!res.writableFinished && !exited) child.kill('SIGTERM');
    });
    req.pipe(child.stdin);

    const onHeadData = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk]);
      const parsed = parseCgiHead(head);
      if (!parsed) return;
      headDone = true;
      child.stdout.off('data', onHeadData);
      res.writeHead(parsed.status, parsed.headers);
      if (parsed.rest.length > 0) res.write(parsed.rest);
      child.stdout.pipe(res, { end: false });
    };
    child.stdout.on('data', onHeadData);
    child.stdout.on('end', () => {
      drained = true;
      finish();
    });
    child.on('error', (err) => {
      stderr += String(err);
      exited = true;
      drained = true;
      finish();
    });
    child.on('exit', (code) => {
      exitCode = code;
      exited = true;
      finish();
    });
  });
}
