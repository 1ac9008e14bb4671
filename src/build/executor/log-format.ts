/**
 * CodeBuild's log line format (spec A.10 "Log format", observed): agent lines are prefixed
 * `[Container] YYYY/MM/DD HH:MM:SS.ffffff ` in UTC; command output is passed through verbatim.
 * Our clock has millisecond precision, so the last three digits of the fraction are always 000.
 */
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function formatLogTime(at: Date): string {
  const date = `${at.getUTCFullYear()}/${pad(at.getUTCMonth() + 1)}/${pad(at.getUTCDate())}`;
  const time = `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}`;
  return `${date} ${time}.${pad(at.getUTCMilliseconds(), 3)}000`;
}

export function formatAgentLine(at: Date, message: string): string {
  return `[Container] ${formatLogTime(at)} ${message}`;
}

/** `Running command <cmd>` — echoed before each command's output (spec A.9). */
export function runningCommand(command: string): string {
  return `Running command ${command}`;
}

/** The line and the phase context AWS shows for a command that failed (spec A.9). */
export function commandFailure(command: string, reason: string): { line: string; message: string } {
  return {
    line: `Command did not exit successfully ${command} ${reason}`,
    message: `Error while executing command: ${command}. Reason: ${reason}`,
  };
}

/** Go's `exec.ExitError` wording, which the agent prints: `exit status 3`, `signal: killed`. */
export function exitReason(exitCode: number | null, signal: string | null): string {
  if (exitCode !== null) return `exit status ${exitCode}`;
  return `signal: ${SIGNAL_TEXT[signal ?? ''] ?? signal ?? 'unknown'}`;
}

const SIGNAL_TEXT: Record<string, string> = {
  SIGKILL: 'killed',
  SIGTERM: 'terminated',
  SIGINT: 'interrupt',
  SIGSEGV: 'segmentation fault',
  SIGABRT: 'aborted',
  SIGPIPE: 'broken pipe',
  SIGHUP: 'hangup',
};
