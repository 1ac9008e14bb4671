/** A compiled filter pattern: decides whether one log event message matches. */
export type EventMatcher = (message: string) => boolean;

/** Compiling never throws: a pattern AWS would refuse yields its InvalidParameterException text. */
export type CompileResult = { ok: true; match: EventMatcher } | { ok: false; message: string };

export const INVALID_PATTERN = 'Invalid filter pattern';
