/**
 * `nagare build -e FILE`: one `NAME=VALUE` per line, values taken literally (no quotes, no
 * expansion — like `docker run --env-file`); blank lines and `#` comments are skipped. The
 * variables act as StartBuild `environmentVariablesOverride`, the highest precedence (spec A.5).
 */
export type EnvFileResult = { vars: Array<{ name: string; value: string }> } | { problems: string[] };

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function parseEnvFile(text: string, file: string): EnvFileResult {
  const vars: Array<{ name: string; value: string }> = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const eq = line.indexOf('=');
    const name = (eq < 0 ? line : line.slice(0, eq)).trim();
    if (eq < 0 || !NAME.test(name)) problems.push(`${file}:${i + 1}: expected NAME=VALUE, got '${line}'`);
    else vars.push({ name, value: line.slice(eq + 1) });
  });
  return problems.length > 0 ? { problems } : { vars };
}
