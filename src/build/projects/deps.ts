import type { Clock } from '../../shared/index.js';
import type { Db } from '../../store/index.js';

/** What the project use cases need. */
export interface ProjectDeps {
  db: Db;
  clock: Clock;
}
