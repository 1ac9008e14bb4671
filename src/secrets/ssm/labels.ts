/**
 * Version labels (LabelParameterVersion): 1–100 characters of letters, digits, `.`, `-`, `_`; not
 * starting with a digit, `aws` or `ssm` (any case). Labels that break a rule are not an error:
 * AWS returns them in `InvalidLabels` and attaches the rest.
 */
export function isValidLabel(label: string): boolean {
  return /^[a-zA-Z0-9_.-]{1,100}$/.test(label) && !/^[0-9]/.test(label) && !/^(aws|ssm)/i.test(label);
}

export function partitionLabels(labels: readonly string[]): { valid: string[]; invalid: string[] } {
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const l of labels) {
    const bucket = isValidLabel(l) ? valid : invalid;
    if (!bucket.includes(l)) bucket.push(l);
  }
  return { valid, invalid };
}
