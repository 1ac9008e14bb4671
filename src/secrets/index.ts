export { createCipher, MASTER_KEY_BYTES, type Cipher, type CipherOptions } from './cipher.js';
export { loadMasterKey, MASTER_KEY_FILE, type LoadMasterKeyOptions } from './master-key.js';
export type { SecretsDeps } from './deps.js';
export type { Scope } from './scope.js';
export * as parameterStore from './ssm/index.js';
export * as secretsManager from './sm/index.js';
