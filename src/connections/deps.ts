import type { Clock, Logger } from '../shared/index.js';
import type { Db } from '../store/index.js';

/** What the connection use cases need. Constructing a provider touches none of it. */
export interface ConnectionsDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
}
