import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { EMPTY_SHA256 } from './canonical-request.js';
import { chunkStringToSign, trailerStringToSign } from './chunk-signature.js';
import { parseSizeLine, parseTrailerLine } from './chunk-lines.js';
import { errorsFor, type SigV4Errors } from './errors.js';
import { signaturesEqual, signHex } from './signing-key.js';
import type { SigV4Context, SigV4Family } from './types.js';

export interface AwsChunkedDecoderOptions {
  family: SigV4Family;
  /** x-amz-decoded-content-length, when sent: the decoded body must have exactly this many bytes. */
  decodedContentLength?: number;
}

type State = 'size-line' | 'data' | 'data-crlf' | 'final-line' | 'trailer' | 'done';

const MAX_LINE = 4096;
const MAX_TRAILER_BYTES = 16 * 1024;
const CR = 0x0d;
const LF = 0x0a;

/**
 * Decodes an `aws-chunked` body into the object bytes, verifying the chunk-signature chain
 * (STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]) or none (STREAMING-UNSIGNED-PAYLOAD-TRAILER).
 *
 * Contract: memory is bounded (one line buffer, one running hash); data is pushed as it arrives and
 * a chunk's signature is checked when the chunk ends, so a consumer must not commit the body before
 * 'end' — a bad chunk surfaces as an 'error' (AwsError) before 'end'. After 'end', `trailers` holds the
 * trailing headers (lower-case names, e.g. x-amz-checksum-crc32) for the consumer to verify; the
 * decoder checks only their signature. Tolerated: a missing final CRLF at end of stream (the AWS JS
 * SDK omits it without a checksum). Not enforced: S3's 8 KiB minimum for non-final chunks.
 */
export class AwsChunkedDecoder extends Transform {
  private state: State = 'size-line';
  private line = '';
  private trailerBytes = 0;
  private remaining = 0;
  private crlfSeen = 0;
  private hash: Hash | undefined;
  private declared = '';
  private previous: string;
  private decoded = 0;
  private readonly received: Array<[string, string]> = [];
  private trailerSignature: string | undefined;
  private readonly parsedTrailers: Record<string, string> = {};
  private readonly errors: SigV4Errors;
  private readonly signed: boolean;
  private readonly expectTrailer: boolean;

  constructor(
    private readonly ctx: SigV4Context,
    private readonly opts: AwsChunkedDecoderOptions,
  ) {
    super();
    this.errors = errorsFor(opts.family);
    this.previous = ctx.signature;
    const p = ctx.payload;
    if (p.kind === 'hashed') throw new TypeError('aws-chunked decoding needs a streaming payload, not a hashed one');
    this.signed = p.kind === 'streaming-signed';
    this.expectTrailer = (p.kind === 'streaming-signed' && p.trailer) || p.kind === 'streaming-unsigned-trailer';
  }

  /** Trailing headers (lower-case names), complete once 'end' has been emitted. */
  get trailers(): Readonly<Record<string, string>> {
    return { ...this.parsedTrailers };
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.consume(chunk);
      callback();
    } catch (err) {
      callback(err as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.finish();
      callback();
    } catch (err) {
      callback(err as Error);
    }
  }

  private consume(buf: Buffer): void {
    let i = 0;
    while (i < buf.length) {
      switch (this.state) {
        case 'data':
          i = this.consumeData(buf, i);
          break;
        case 'data-crlf':
          if (buf[i] !== (this.crlfSeen === 0 ? CR : LF)) throw this.errors.malformedChunk('chunk data must be followed by CRLF');
          i++;
          if (++this.crlfSeen === 2) this.state = 'size-line';
          break;
        case 'done':
          throw this.errors.malformedChunk('unexpected data after the final chunk');
        default:
          i = this.consumeLine(buf, i);
      }
    }
  }

  private consumeData(buf: Buffer, start: number): number {
    const n = Math.min(this.remaining, buf.length - start);
    const slice = buf.subarray(start, start + n);
    this.hash?.update(slice);
    this.decoded += n;
    const limit = this.opts.decodedContentLength;
    if (limit !== undefined && this.decoded > limit) throw this.errors.incompleteBody('more data than x-amz-decoded-content-length');
    this.push(slice);
    this.remaining -= n;
    if (this.remaining === 0) {
      this.verifyChunk(this.hash?.digest('hex') ?? '');
      this.state = 'data-crlf';
      this.crlfSeen = 0;
    }
    return start + n;
  }

  /** Accumulates one CRLF-terminated line (bounded), then dispatches it. */
  private consumeLine(buf: Buffer, start: number): number {
    const lf = buf.indexOf(LF, start);
    const end = lf < 0 ? buf.length : lf;
    this.line += buf.toString('latin1', start, end);
    if (this.state === 'trailer') this.trailerBytes += end - start + 1;
    if (this.line.length > MAX_LINE || this.trailerBytes > MAX_TRAILER_BYTES) throw this.errors.malformedChunk('line too long');
    if (lf < 0) return buf.length;
    if (!this.line.endsWith('\r')) throw this.errors.malformedChunk('lines must end with CRLF');
    const line = this.line.slice(0, -1);
    this.line = '';
    this.onLine(line);
    return lf + 1;
  }

  private onLine(line: string): void {
    if (this.state === 'size-line') return this.onSizeLine(line);
    if (this.state === 'final-line') {
      if (line !== '') throw this.errors.malformedChunk('the final chunk must be followed by an empty line');
      this.state = 'done';
      return;
    }
    if (line === '') return this.finishTrailers();
    const parsed = parseTrailerLine(line);
    if (!parsed.ok) throw this.errors.malformedChunk(parsed.problem);
    if (parsed.name === 'x-amz-trailer-signature') this.trailerSignature = parsed.value;
    else this.received.push([parsed.name, parsed.value]);
  }

  private onSizeLine(line: string): void {
    const parsed = parseSizeLine(line, this.signed);
    if (!parsed.ok) throw this.errors.malformedChunk(parsed.problem);
    this.declared = parsed.signature ?? '';
    if (parsed.size > 0) {
      this.remaining = parsed.size;
      this.hash = this.signed ? createHash('sha256') : undefined;
      this.state = 'data';
      return;
    }
    this.verifyChunk(EMPTY_SHA256);
    this.state = this.expectTrailer ? 'trailer' : 'final-line';
  }

  private verifyChunk(dataSha256: string): void {
    if (!this.signed) return;
    const stringToSign = chunkStringToSign(this.ctx, this.previous, dataSha256);
    if (!signaturesEqual(signHex(this.ctx.signingKey, stringToSign), this.declared)) {
      throw this.errors.signatureMismatch({ accessKeyId: this.ctx.accessKeyId, stringToSign, provided: this.declared });
    }
    this.previous = this.declared;
  }

  private finishTrailers(): void {
    if (this.signed && this.expectTrailer) {
      const provided = this.trailerSignature;
      if (provided === undefined) throw this.errors.malformedChunk('missing x-amz-trailer-signature');
      const stringToSign = trailerStringToSign(this.ctx, this.previous, this.received);
      if (!signaturesEqual(signHex(this.ctx.signingKey, stringToSign), provided)) {
        throw this.errors.signatureMismatch({ accessKeyId: this.ctx.accessKeyId, stringToSign, provided });
      }
    }
    for (const [name, value] of this.received) this.parsedTrailers[name] = value;
    this.state = 'done';
  }

  private finish(): void {
    if (this.state === 'trailer') {
      // End of stream inside the trailer section: accept what is complete (a last unterminated line too).
      if (this.line !== '') this.onLine(this.line.replace(/\r$/, ''));
      if (this.state === 'trailer') this.finishTrailers();
    } else if (this.state === 'final-line' && this.line === '') {
      this.state = 'done';
    }
    if (this.state !== 'done') throw this.errors.incompleteBody('the body ended inside a chunk');
    const expected = this.opts.decodedContentLength;
    if (expected !== undefined && this.decoded !== expected) throw this.errors.incompleteBody('fewer bytes than x-amz-decoded-content-length');
  }
}

export function createAwsChunkedDecoder(ctx: SigV4Context, opts: AwsChunkedDecoderOptions): AwsChunkedDecoder {
  return new AwsChunkedDecoder(ctx, opts);
}
