/** Waits for `promise`, but no longer than `ms`; the timer never outlives the wait. */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<undefined>((ok) => (timer = setTimeout(() => ok(undefined), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
