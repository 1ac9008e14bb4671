/**
 * The logger interface domain code sees. bin/ wires it to pino; tests may pass `silentLogger`.
 * Structured fields go in `fields`; never put secret values in either argument — the pino
 * wiring also redacts known secret-bearing keys as a second line of defence.
 */
export interface Logger {
  debug(fields: Record<string, unknown>, msg: string): void;
  info(fields: Record<string, unknown>, msg: string): void;
  warn(fields: Record<string, unknown>, msg: string): void;
  error(fields: Record<string, unknown>, msg: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

const noop = (): void => undefined;

export const silentLogger: Logger = {
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
  child: () => silentLogger,
};
