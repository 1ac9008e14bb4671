import type { Clock, Logger } from '../shared/index.js';
import type { Db } from '../store/index.js';
import type { Cipher } from './cipher.js';

/** What the Parameter Store and Secrets Manager use cases need. */
export interface SecretsDeps {
  db: Db;
  clock: Clock;
  cipher: Cipher;
  logger: Logger;
}
