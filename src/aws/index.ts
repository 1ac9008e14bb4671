export { createGateway, type GatewayOptions, type InternalRoute } from './gateway/index.js';
export type { AwsService, JsonService, JsonOperation, RestXmlService, RestRequest, RestResponse, RequestContext } from './service.js';
export { AwsError, isAwsError, type ProtocolFamily } from './protocol/errors.js';
export { toXml, parseXml, asArray, xmlEscape, XmlSequence, type XmlNode, type XmlValue } from './protocol/xml.js';
export type { ServiceModel } from './models/index.js';
export * as models from './models/generated/index.js';
export { typedOperation, scopeOf, compact } from './typed-operation.js';
