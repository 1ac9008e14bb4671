/**
 * The builds this process is running, so a StopBuild served here aborts its build at once. Only a
 * shortcut: the stop request is in the database, and every worker also polls it (another replica
 * may be running the build).
 */
export class RunningBuilds {
  private readonly controllers = new Map<string, AbortController>();

  register(buildId: string, controller: AbortController): () => void {
    this.controllers.set(buildId, controller);
    return () => {
      if (this.controllers.get(buildId) === controller) this.controllers.delete(buildId);
    };
  }

  stop(buildId: string): void {
    this.controllers.get(buildId)?.abort(new Error('StopBuild'));
  }
}
