import type { TerminalStatus } from '../build/index.js';

/** Exit code of `nagare build`: 0 SUCCEEDED, 1 FAILED or FAULT, 124 TIMED_OUT (like timeout(1)), 130 STOPPED (like ^C). */
export function exitCodeOf(status: TerminalStatus): number {
  switch (status) {
    case 'SUCCEEDED':
      return 0;
    case 'TIMED_OUT':
      return 124;
    case 'STOPPED':
      return 130;
    default:
      return 1;
  }
}
