import type { Clock, Logger } from '../shared/index.js';
import type { Db } from '../store/index.js';

/** What every Logs use case needs. */
export interface LogsDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
}

/** Every log group belongs to one account in one region. */
export interface LogsScope {
  accountId: string;
  region: string;
}

export type LogGroupClass = 'STANDARD' | 'INFREQUENT_ACCESS' | 'DELIVERY';

export interface LogGroupRecord {
  id: number;
  name: string;
  /** Epoch milliseconds. */
  createdMs: number;
  retentionDays: number | null;
  kmsKeyId: string | null;
  logGroupClass: LogGroupClass;
  deletionProtection: boolean;
  /** Sum of the stored message bytes of the group's streams. */
  storedBytes: number;
}

export interface LogStreamRecord {
  id: number;
  groupId: number;
  name: string;
  createdMs: number;
  firstEventMs: number | null;
  lastEventMs: number | null;
  lastIngestionMs: number | null;
  lastSeq: number;
}

/** An event as a writer hands it in: epoch-ms timestamp and a non-empty message. */
export interface InputEvent {
  timestamp: number;
  message: string;
}

/** An event as GetLogEvents returns it. */
export interface OutputEvent {
  timestamp: number;
  message: string;
  ingestionTime: number;
}

/** An event as FilterLogEvents returns it. */
export interface FilteredEvent extends OutputEvent {
  logStreamName: string;
  eventId: string;
}

/** Limits AWS documents for PutLogEvents and the read APIs. */
export const MAX_BATCH_BYTES = 1_048_576;
export const MAX_EVENT_BYTES = 1_048_576;
export const EVENT_OVERHEAD_BYTES = 26;
export const MAX_BATCH_EVENTS = 10_000;
export const MAX_READ_EVENTS = 10_000;
/** A read response carries at most this many bytes of events (messages + 26 each). */
export const MAX_READ_BYTES = 1_048_576;
export const MAX_TAGS = 50;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** The retention periods PutRetentionPolicy accepts. */
export const RETENTION_DAYS: readonly number[] = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];
