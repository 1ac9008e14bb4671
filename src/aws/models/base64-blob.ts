/**
 * Strict base64 as AWS's JSON services decode blobs. Node's Buffer.from(…, 'base64') silently
 * skips bad characters; Coral refuses them. The reasons are Coral's own words, recorded against
 * real DynamoDB by dynalite (including the "dectected" typo).
 */

/** The bytes, or the reason AWS gives for refusing the string. */
export function decodeBase64Blob(text: string): Buffer | string {
  if (text.length % 4 !== 0) {
    return `Base64 encoded length is expected a multiple of 4 bytes but found: ${text.length}`;
  }
  const bad = /[^A-Za-z0-9+/=]|=[^=]/.exec(text);
  if (bad) return `Invalid Base64 character: '${bad[0].charAt(0)}'`;
  const bytes = Buffer.from(text, 'base64');
  // Non-zero bits in the padding position mean the encoder did not produce this string.
  if (bytes.toString('base64') !== text) return 'Invalid last non-pad Base64 character dectected';
  return bytes;
}
