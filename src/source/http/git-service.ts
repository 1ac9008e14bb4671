/**
 * Which smart-HTTP exchange a request is. Only the smart protocol is served: the dumb protocol's
 * raw object paths (HEAD, objects/…) would bypass nothing but are never needed by a modern git.
 */
export type GitExchange = 'upload-pack-advertisement' | 'receive-pack-advertisement' | 'upload-pack' | 'receive-pack';

export function classifyGitRequest(method: string, rest: string, query: URLSearchParams): GitExchange | undefined {
  if (rest === 'info/refs' && (method === 'GET' || method === 'HEAD')) {
    const service = query.get('service');
    if (service === 'git-upload-pack') return 'upload-pack-advertisement';
    if (service === 'git-receive-pack') return 'receive-pack-advertisement';
    return undefined;
  }
  if (method !== 'POST') return undefined;
  if (rest === 'git-upload-pack') return 'upload-pack';
  if (rest === 'git-receive-pack') return 'receive-pack';
  return undefined;
}

/** The CGI QUERY_STRING for an exchange: rebuilt by us, never the client's raw query. */
export function cgiQuery(exchange: GitExchange): string {
  if (exchange === 'upload-pack-advertisement') return 'service=git-upload-pack';
  if (exchange === 'receive-pack-advertisement') return 'service=git-receive-pack';
  return '';
}

/** The PATH_INFO tail http-backend needs for an exchange. */
export function cgiPathTail(exchange: GitExchange): string {
  if (exchange === 'upload-pack') return 'git-upload-pack';
  if (exchange === 'receive-pack') return 'git-receive-pack';
  return 'info/refs';
}
