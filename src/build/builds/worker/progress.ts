/**
 * Persists a running build's phases as they change, so BatchGetBuilds during a build shows the
 * current phase. Writes are serialised and coalesced: at most one in flight, and only the newest
 * state is written next. Each write is conditional on the build not being complete.
 */
import type { Logger } from '../../../shared/index.js';
import type { Db } from '../../../store/index.js';
import type { CodeBuildScope } from '../../projects/types.js';
import { saveProgress } from '../build-repo.js';
import type { MergedProgress } from './merge-phases.js';

export class ProgressWriter {
  private pending: MergedProgress | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    private readonly scope: CodeBuildScope,
    private readonly buildId: string,
    private readonly logger: Logger,
  ) {}

  update(progress: MergedProgress): void {
    this.pending = progress;
    this.running ??= this.loop();
  }

  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    try {
      while (this.pending) {
        const next = this.pending;
        this.pending = undefined;
        await saveProgress(this.db, this.scope, this.buildId, next).catch((err: unknown) =>
          this.logger.warn({ buildId: this.buildId, err: err instanceof Error ? err.message : String(err) }, 'saving build progress failed'),
        );
      }
    } finally {
      this.running = undefined;
    }
  }
}
