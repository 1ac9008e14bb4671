/**
 * CodePipeline v1 webhook filters (spec D.4): a delivery starts the pipeline only when EVERY
 * filter passes. A filter selects values from the JSON body with `jsonPath` and compares them to
 * `matchEquals`, after replacing `{Key}` placeholders with the target action's configuration
 * (`refs/heads/{Branch}` with Branch=main ⇒ `refs/heads/main`).
 *
 * Decisions where AWS documents nothing (unverified):
 * - Scalars compare by their string form (`true`, `42`); null, objects and arrays never match.
 * - A path that can select several values (wildcard, deep scan, slice, lists) passes when ANY
 *   selected value equals: `$.commits[*].author.username == octocat` reads as "some commit by
 *   octocat", which is what people write such filters for.
 * - A placeholder naming a key the configuration lacks stays literally in the text.
 * - `matchEquals` is optional in the model; without it the filter passes when the path selects
 *   at least one non-null value.
 */
import { JsonPathSyntaxError } from './errors.js';
import { compileJsonPath, type CompiledJsonPath } from './json-path.js';

/** AWS WebhookFilterRule. */
export interface WebhookFilterRule {
  jsonPath: string;
  matchEquals?: string;
}

export type WebhookFilterResult =
  | { ok: true }
  | { ok: false; index: number; jsonPath: string; expected: string | undefined; selected: string[]; message: string };

const compiled = new Map<string, CompiledJsonPath>();

function pathFor(jsonPath: string): CompiledJsonPath {
  let c = compiled.get(jsonPath);
  if (!c) {
    c = compileJsonPath(jsonPath);
    if (compiled.size >= 2000) compiled.clear(); // bounded: paths come from user input
    compiled.set(jsonPath, c);
  }
  return c;
}

/** PutWebhook-time check; throws JsonPathSyntaxError (code InvalidWebhookFilterPattern). */
export function validateFilter(filter: WebhookFilterRule): void {
  pathFor(filter.jsonPath);
}

/** Validates all filters; the error message names the failing filter's position. */
export function validateFilters(filters: readonly WebhookFilterRule[]): void {
  filters.forEach((f, i) => {
    try {
      validateFilter(f);
    } catch (err) {
      if (err instanceof JsonPathSyntaxError) err.message = `filters[${i}]: ${err.message}`;
      throw err;
    }
  });
}

export function substitutePlaceholders(template: string, configuration: Readonly<Record<string, string>>): string {
  return template.replace(/\{([^{}]+)\}/g, (whole, key: string) => (Object.hasOwn(configuration, key) ? (configuration[key] as string) : whole));
}

function scalarText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** `body` is the parsed JSON of the delivery; `configuration` the target action's configuration. */
export function evaluateWebhookFilters(
  body: unknown,
  filters: readonly WebhookFilterRule[],
  configuration: Readonly<Record<string, string>>,
): WebhookFilterResult {
  for (let index = 0; index < filters.length; index++) {
    const f = filters[index] as WebhookFilterRule;
    const path = pathFor(f.jsonPath);
    const values = path.select(body);
    const texts = values.map(scalarText).filter((t): t is string => t !== undefined);
    const expected = f.matchEquals === undefined ? undefined : substitutePlaceholders(f.matchEquals, configuration);
    const pass = expected === undefined ? values.some((v) => v !== null && v !== undefined) : texts.includes(expected);
    if (!pass) {
      const shown = texts.length === 0 ? 'nothing' : texts.slice(0, 3).map((t) => JSON.stringify(t)).join(', ');
      return {
        ok: false,
        index,
        jsonPath: f.jsonPath,
        expected,
        selected: texts,
        message: `filter ${index} (${f.jsonPath}) selected ${shown}, ${expected === undefined ? 'needed a value' : `expected ${JSON.stringify(expected)}`}`,
      };
    }
  }
  return { ok: true };
}
