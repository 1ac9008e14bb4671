/**
 * Splits the Docker Engine's multiplexed attach/exec stream (non-TTY): each frame is an 8-byte
 * header — stream type (1 stdout, 2 stderr), three zero bytes, a big-endian uint32 length — then the
 * payload. Frames may arrive split across or packed into network chunks, so bytes are buffered
 * until a whole header/payload is there.
 */
import type { ExecStream } from './types.js';

export interface Frame {
  stream: ExecStream;
  payload: Buffer;
}

const HEADER = 8;

export class FrameDemuxer {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Frame[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const frames: Frame[] = [];
    let at = 0;
    while (this.pending.length - at >= HEADER) {
      const size = this.pending.readUInt32BE(at + 4);
      if (this.pending.length - at - HEADER < size) break;
      const kind = this.pending[at];
      // stdin echo (0) is never requested; anything but stderr is treated as stdout
      frames.push({ stream: kind === 2 ? 'stderr' : 'stdout', payload: this.pending.subarray(at + HEADER, at + HEADER + size) });
      at += HEADER + size;
    }
    this.pending = this.pending.subarray(at);
    return frames;
  }

  /** Bytes of an incomplete frame left when the stream ended (a truncated stream). */
  get leftover(): number {
    return this.pending.length;
  }
}
