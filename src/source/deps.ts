import type { Clock, Logger } from '../shared/index.js';
import type { Db } from '../store/index.js';
import type { OnPush } from './types.js';

/** What the source use cases need. Constructing nothing touches them (see createCodeCommitService). */
export interface SourceDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** Server data directory; bare repositories live under `<dataDir>/git/`. */
  dataDir: string;
  /** PATH for `git` child processes (the server's own, read once in bin/). */
  hostPath?: string;
  /** Told about ref changes once they are on disk (the pipeline engine's trigger). */
  onPush?: OnPush;
}
