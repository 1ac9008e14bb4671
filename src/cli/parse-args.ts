/**
 * Minimal flag parser for the nagare CLI: `--flag value`, `--flag=value`, boolean `--flag`,
 * positionals. Flags are returned under camelCase keys (--data-dir → dataDir) so they line up with
 * the config schemas. Unknown flags are reported by the command, not here.
 */
export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string>;
}

export function parseArgs(argv: readonly string[], booleanFlags: readonly string[] = []): ParsedArgs {
  const positionals: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '--') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = camel(eq < 0 ? arg.slice(2) : arg.slice(2, eq));
    if (eq >= 0) {
      flags[name] = arg.slice(eq + 1);
    } else if (booleanFlags.includes(name)) {
      flags[name] = 'true';
    } else {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) flags[name] = 'true';
      else {
        flags[name] = next;
        i++;
      }
    }
  }
  return { positionals, flags };
}

function camel(kebab: string): string {
  return kebab.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}
