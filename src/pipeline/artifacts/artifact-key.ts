/**
 * Where an output artifact lives in the artifact store (spec C.10, observed):
 * `<pipeline name, ≤20 chars>/<artifact name, ≤10 chars>/<random short id>` — AWS truncates both
 * name parts; the random part keeps every execution's artifact distinct.
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function artifactKey(pipelineName: string, artifactName: string, random: Buffer = randomBytes(7)): string {
  const id = [...random].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  return `${pipelineName.slice(0, 20)}/${artifactName.slice(0, 10)}/${id}`;
}
