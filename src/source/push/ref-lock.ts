/**
 * Serialises ref changes per repository inside this process: a receive-pack and an API branch
 * change never interleave, so the refs compared before and after a push are that push's alone.
 * (Bare repositories live on this server's disk, so no other replica writes them.)
 */
const tails = new Map<string, Promise<unknown>>();

export async function withRefLock<T>(repositoryId: string, fn: () => Promise<T>): Promise<T> {
  const previous = tails.get(repositoryId) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((ok) => (release = ok));
  const tail = previous.then(() => mine);
  tails.set(repositoryId, tail);
  await previous.catch(() => undefined);
  try {
    return await fn();
  } finally {
    release();
    if (tails.get(repositoryId) === tail) tails.delete(repositoryId);
  }
}
