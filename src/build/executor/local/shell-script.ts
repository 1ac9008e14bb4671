/**
 * The script each buildspec command runs as (spec A.9, Surprise 1). Every command is its own script
 * and process; in 0.2 the agent carries the working directory and the variables over by restoring a
 * snapshot before the command and taking one after it — exactly AWS's emulator:
 *   cd $(cat dir.txt); set -a; . env.sh; <command>; CODEBUILD_LAST_EXIT=$?; export -p > env.sh;
 *   pwd > dir.txt; exit $CODEBUILD_LAST_EXIT
 * So `cd` and plain `VAR=x` persist (allexport), while functions, aliases, `set -e`/pipefail, traps
 * and arrays do not; `exit N` ends only this command (and skips its snapshot). 0.1 runs the bare
 * command: nothing carries over.
 */

export interface StateFiles {
  envFile: string;
  dirFile: string;
}

export interface ScriptOptions {
  /** `CODEBUILD_BUILD_SUCCEEDING`, re-applied after the restore so a stale snapshot cannot hide a failure. */
  succeeding: boolean;
  /** For `run-as`: the user's HOME/USER/LOGNAME, applied after the restore. */
  identity?: { home: string; user: string };
}

/** Single-quotes a word for sh/bash. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function carryOverScript(command: string, files: StateFiles, options: ScriptOptions): string {
  return [
    `cd -- "$(cat ${shellQuote(files.dirFile)})"`,
    'set -a',
    `. ${shellQuote(files.envFile)}`,
    ...prelude(options),
    command,
    'CODEBUILD_LAST_EXIT=$?',
    `export -p > ${shellQuote(files.envFile)}`,
    `pwd > ${shellQuote(files.dirFile)}`,
    'exit $CODEBUILD_LAST_EXIT',
    '',
  ].join('\n');
}

export function isolatedScript(command: string, options: ScriptOptions): string {
  return [...prelude(options), command, ''].join('\n');
}

function prelude(options: ScriptOptions): string[] {
  const lines = [`CODEBUILD_BUILD_SUCCEEDING=${options.succeeding ? 1 : 0}`];
  if (options.identity) {
    const { home, user } = options.identity;
    lines.push(`HOME=${shellQuote(home)} USER=${shellQuote(user)} LOGNAME=${shellQuote(user)}`);
    lines.push('export HOME USER LOGNAME');
  }
  lines.push('export CODEBUILD_BUILD_SUCCEEDING');
  return lines;
}
