import { models, type JsonService } from '../../aws/index.js';
import { createLogsTasks, type LogsDeps } from '../../logs/index.js';
import type { BackgroundTask } from '../../shared/index.js';
import { eventOperations } from './event-operations.js';
import { groupOperations } from './group-operations.js';
import { streamOperations } from './stream-operations.js';
import { tagOperations } from './tag-operations.js';

/**
 * The CloudWatch Logs provider (JSON 1.1, Logs_20140328). Operations not listed here — among them
 * StartLiveTail, an HTTP/2 event stream — answer the gateway's not-implemented error
 * (docs/compatibility-logs.md). `tasks` enforce retention and purge deleted streams' events.
 */
export function createLogsService(deps: LogsDeps): { service: JsonService; tasks: BackgroundTask[] } {
  const operations = { ...groupOperations(deps), ...streamOperations(deps), ...eventOperations(deps), ...tagOperations(deps) };
  // CloudWatch Logs reports model constraint violations as InvalidParameterException, not ValidationException.
  return { service: { family: 'json', model: models.logsModel, operations, validationErrorCode: 'InvalidParameterException' }, tasks: createLogsTasks(deps) };
}
