import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { SignatureV4 } from '@smithy/signature-v4';
import { Agent } from 'node:http';
import { CREDENTIALS, REGION, sendSigned, signerFor } from './sigv4.js';

/** Everything one client style needs to talk to one server (nagare or the limit server). */
export interface Clients {
  port: number;
  agent: Agent;
  ssmSigner: SignatureV4;
  s3Signer: SignatureV4;
  ssm: SSMClient;
  s3: S3Client;
  close(): void;
}

export function clientsFor(port: number): Clients {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const sdkAgent = new Agent({ keepAlive: true, maxSockets: 64 });
  const common = { endpoint: `http://127.0.0.1:${port}`, region: REGION, credentials: CREDENTIALS, maxAttempts: 1, requestHandler: { httpAgent: sdkAgent } };
  const ssm = new SSMClient(common);
  const s3 = new S3Client({ ...common, forcePathStyle: true });
  return {
    port,
    agent,
    ssmSigner: signerFor('ssm'),
    s3Signer: signerFor('s3'),
    ssm,
    s3,
    close() {
      ssm.destroy();
      s3.destroy();
      agent.destroy();
      sdkAgent.destroy();
    },
  };
}

export const PARAM = '/bench/requests/param';
export const BUCKET = 'nagare-bench';
export const GET_KEY = 'get/object-1k';
export const PAYLOAD = Buffer.alloc(1024, 0x62);

export type Call = (i: number) => Promise<number>;
export type ClientKind = 'signed http' | 'SDK v3';

export interface Operation {
  name: string;
  make(kind: ClientKind, c: Clients, tag: string): Call;
}

const ssmTarget = (op: string): Record<string, string> => ({ 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AmazonSSM.${op}` });

export const OPERATIONS: readonly Operation[] = [
  {
    name: 'SSM GetParameter',
    make: (kind, c) =>
      kind === 'signed http'
        ? async () => (await sendSigned(c.ssmSigner, c.port, c.agent, { method: 'POST', path: '/', headers: ssmTarget('GetParameter'), body: Buffer.from(JSON.stringify({ Name: PARAM })) })).status
        : async () => (await c.ssm.send(new GetParameterCommand({ Name: PARAM }))).$metadata.httpStatusCode ?? 0,
  },
  {
    name: 'S3 PutObject 1 KiB',
    make: (kind, c, tag) =>
      kind === 'signed http'
        ? async (i) => (await sendSigned(c.s3Signer, c.port, c.agent, { method: 'PUT', path: `/${BUCKET}/put/${tag}/${i}`, headers: { 'content-type': 'application/octet-stream' }, body: PAYLOAD })).status
        : async (i) => (await c.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: `put/${tag}/${i}`, Body: PAYLOAD }))).$metadata.httpStatusCode ?? 0,
  },
  {
    name: 'S3 GetObject 1 KiB',
    make: (kind, c) =>
      kind === 'signed http'
        ? async () => {
            const r = await sendSigned(c.s3Signer, c.port, c.agent, { method: 'GET', path: `/${BUCKET}/${GET_KEY}` });
            return r.body.length === PAYLOAD.length ? r.status : 599;
          }
        : async () => {
            const r = await c.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: GET_KEY }));
            const body = await r.Body?.transformToByteArray();
            return body?.length === PAYLOAD.length ? (r.$metadata.httpStatusCode ?? 0) : 599;
          },
  },
];

/** Creates the parameter, bucket and object the operations read (nagare only; the limit server needs nothing). */
export async function seed(c: Clients): Promise<void> {
  const steps = [
    { signer: c.ssmSigner, r: { method: 'POST', path: '/', headers: ssmTarget('PutParameter'), body: Buffer.from(JSON.stringify({ Name: PARAM, Value: 'bench-value', Type: 'String', Overwrite: true })) } },
    { signer: c.s3Signer, r: { method: 'PUT', path: `/${BUCKET}` } },
    { signer: c.s3Signer, r: { method: 'PUT', path: `/${BUCKET}/${GET_KEY}`, body: PAYLOAD } },
  ];
  for (const s of steps) {
    const res = await sendSigned(s.signer, c.port, c.agent, s.r);
    if (res.status !== 200) throw new Error(`seed ${s.r.method} ${s.r.path} → HTTP ${res.status}: ${res.body.toString().slice(0, 500)}`);
  }
}
