/** ARNs in AWS's exact formats. Partition is always `aws`. */
export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

export function formatArn(p: Omit<ArnParts, 'partition'> & { partition?: string }): string {
  return `arn:${p.partition ?? 'aws'}:${p.service}:${p.region}:${p.account}:${p.resource}`;
}

export function parseArn(arn: string): ArnParts | undefined {
  const m = /^arn:([^:]+):([^:]+):([^:]*):([^:]*):(.+)$/.exec(arn);
  if (!m) return undefined;
  return { partition: m[1]!, service: m[2]!, region: m[3]!, account: m[4]!, resource: m[5]! };
}
