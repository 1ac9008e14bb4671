import { pino } from 'pino';
import type { Logger } from '../shared/index.js';

/** Keys whose values never reach a log line, wherever they appear (second line of defence). */
const REDACT = [
  'secret', 'secretAccessKey', 'password', 'authorization', 'Value', 'value', 'SecretString', 'SecretBinary',
  '*.secret', '*.secretAccessKey', '*.password', '*.authorization', '*.Value', '*.SecretString', '*.SecretBinary',
  'headers.authorization', 'headers["x-amz-security-token"]',
];

export function createLogger(level: string, destination: string): Logger {
  const dest = destination === '-' ? pino.destination(2) : pino.destination({ dest: destination, mkdir: true, sync: false });
  return pino({ level, redact: { paths: REDACT, censor: '***' }, base: { pid: process.pid } }, dest);
}
