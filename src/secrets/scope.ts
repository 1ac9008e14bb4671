/** Every Parameter Store and Secrets Manager resource belongs to one account in one region. */
export interface Scope {
  accountId: string;
  region: string;
}
