import { envNameOf, flagNameOf, upConfigKeys, upConfigObject } from '../config/index.js';

/** `nagare up --help`, generated from the config schema so flags, env names and docs never drift. */
export function upHelp(): string {
  const shape = upConfigObject.shape;
  const rows = upConfigKeys.map((k) => {
    const field = shape[k];
    const flag = flagNameOf(k);
    return `  ${flag.padEnd(22)} ${envNameOf(k).padEnd(26)} ${field.description ?? ''}`;
  });
  return ['usage: nagare up [options]', '', '  flag                   env                        meaning', ...rows, ''].join('\n');
}
