export { createGateway } from './create-gateway.js';
export type { GatewayOptions, InternalRoute } from './options.js';
