import { AwsError, type JsonOperation, type models } from '../../aws/index.js';
import * as logs from '../../logs/index.js';
import { compact, operation, scopeOf } from './operation.js';

/** Writing and reading events, and TestMetricFilter (which only needs the pattern matcher). */
export function eventOperations(deps: logs.LogsDeps): Record<string, JsonOperation> {
  return {
    PutLogEvents: operation<models.logs.PutLogEventsRequest, models.logs.PutLogEventsResponse>(async (i, ctx) => {
      const r = await logs.putLogEvents(deps, scopeOf(ctx), i.logGroupName, i.logStreamName, i.logEvents);
      return compact({ nextSequenceToken: r.nextSequenceToken, rejectedLogEventsInfo: r.rejected });
    }),

    GetLogEvents: operation<models.logs.GetLogEventsRequest, models.logs.GetLogEventsResponse>(async (i, ctx) => {
      const scope = scopeOf(ctx);
      return logs.getLogEvents(deps, scope, {
        group: logs.resolveGroupName(scope, i.logGroupName, i.logGroupIdentifier),
        stream: i.logStreamName,
        startTime: i.startTime,
        endTime: i.endTime,
        nextToken: i.nextToken,
        limit: i.limit,
        startFromHead: i.startFromHead,
      });
    }),

    FilterLogEvents: operation<models.logs.FilterLogEventsRequest, models.logs.FilterLogEventsResponse>(async (i, ctx) => {
      const scope = scopeOf(ctx);
      const r = await logs.filterLogEvents(deps, scope, {
        group: logs.resolveGroupName(scope, i.logGroupName, i.logGroupIdentifier),
        streamNames: i.logStreamNames,
        streamPrefix: i.logStreamNamePrefix,
        startTime: i.startTime,
        endTime: i.endTime,
        pattern: i.filterPattern,
        nextToken: i.nextToken,
        limit: i.limit,
      });
      // AWS stopped filling searchedLogStreams in 2020 and always answers an empty list.
      return compact({ events: r.events, searchedLogStreams: [], nextToken: r.nextToken });
    }),

    TestMetricFilter: operation<models.logs.TestMetricFilterRequest, models.logs.TestMetricFilterResponse>(async (i) => {
      const compiled = logs.compileFilterPattern(i.filterPattern);
      if (!compiled.ok) throw new AwsError('InvalidParameterException', compiled.message, 400);
      const matches = i.logEventMessages.flatMap((m, n) => (compiled.match(m) ? [{ eventNumber: n + 1, eventMessage: m, extractedValues: {} }] : []));
      return { matches };
    }),
  };
}
