/**
 * Where the engine listens, from a DOCKER_HOST-style value. Only unix sockets: the engine is local
 * (podman's `system service` or dockerd), and TCP without TLS would hand the host to anyone.
 */
export const DEFAULT_SOCKET = '/var/run/docker.sock';

export function socketPathOf(dockerHost: string | undefined): string {
  if (dockerHost === undefined || dockerHost === '') return DEFAULT_SOCKET;
  if (dockerHost.startsWith('unix://')) return dockerHost.slice('unix://'.length);
  if (dockerHost.startsWith('/')) return dockerHost;
  throw new Error(`unsupported DOCKER_HOST ${dockerHost}: only unix:// sockets are supported`);
}
