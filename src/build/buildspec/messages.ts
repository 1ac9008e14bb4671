/**
 * Message texts. The first group is AWS's own wording, copied from real CodeBuild logs (each with
 * its evidence); everything else is ours, written in the same "… at line N" style so a user sees
 * one consistent voice in the `YAML_FILE_ERROR` context.
 */

// ── AWS wording (observed in CodeBuild DOWNLOAD_SOURCE phase contexts) ──────────────────────────

/**
 * A command item that YAML parsed as a mapping (the `echo "a: b"` mistake). Observed verbatim:
 * "Expected Commands[0] to be of string type: found subkeys instead at line 6, value of the key tag
 * on line 5 might be empty" (bioerrorlog.work/entry/codebuild-colon-error; a 2024 build log with
 * Commands[4] … line 10 … line 9). The second line number is always the first minus one.
 */
export function commandNotString(list: 'Commands' | 'Finally', index: number, line: number): string {
  return `Expected ${list}[${index}] to be of string type: found subkeys instead at line ${line}, value of the key tag on line ${line - 1} might be empty`;
}

/**
 * Observed: "Invalid buildspec phase name: artifacts. Expecting: build,install,post_build,pre_build"
 * (2020 log; a 2019 agent upper-cased both the name and the list).
 */
export function invalidPhaseName(name: string): string {
  return `Invalid buildspec phase name: ${name}. Expecting: build,install,post_build,pre_build`;
}

/** Observed: "invalid buildspec `version` specified: 1.0, see documentation" (2021 log). */
export function invalidVersion(version: string): string {
  return `invalid buildspec \`version\` specified: ${version}, see documentation`;
}

/**
 * Observed for an empty buildspec.yml and for a file with no `version` key (aws/serverless-application-model
 * PR #352, aws-samples/aws-container-devsecops-workshop PR #7): the agent falls back to the pre-release
 * format, whose `containers` map must hold exactly one entry.
 */
export const WRONG_CONTAINER_COUNT = 'wrong number of container tags, expected 1';

/**
 * YAML syntax errors: the libyaml problem text followed by " at line N" — observed "mapping values are
 * not allowed in this context at line 0", "found character that cannot start any token at line 3"
 * (tabs, awsdocs/aws-codebuild-user-guide PR #25), "did not find expected ',' or ']' at line 19"
 * (aws-samples/bedrock-chat#441).
 */
export function yamlSyntax(problem: string, line: number): string {
  return `${problem} at line ${line}`;
}

// ── Our wording (AWS's text for these cases is not known) ─────────────────────────────────────────

export function atLine(message: string, line: number): string {
  return `${message} at line ${line}`;
}

export function expectedType(path: string, expected: string, found: string, line: number): string {
  return atLine(`Expected ${path} to be of ${expected} type: found ${found} instead`, line);
}

export function unknownKey(key: string, where: string, line: number): string {
  return atLine(`Unknown key '${key}' in ${where} is ignored`, line);
}
