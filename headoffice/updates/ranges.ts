/**
 * Byte ranges of a stored file (RFC 9110 §14), single and multiple. electron-updater's differential
 * download asks for the changed blocks of the new installer as one request with many ranges and
 * expects `206 multipart/byteranges` with one part per range, in the order asked; @fastify/static
 * (like `send`) answers a multi-range request with the whole file, which electron-updater refuses
 * ("multipart/byteranges is expected") before falling back to a full download. So this answers
 * them itself, bounded: at most MAX_RANGES ranges, and no more bytes in all than twice the file.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';

/** electron-updater asks for at most 1000 ranges at a time (multipleRangeDownloader). */
export const MAX_RANGES = 1000;

export type ByteRange = { start: number; end: number };

export type RangeRequest = { kind: 'whole' } | { kind: 'unsatisfiable' } | { kind: 'ranges'; ranges: ByteRange[] };

/**
 * Reads a Range header for a file of `size` bytes. A header that is not a bytes range is ignored
 * (the whole file, as the RFC says); a range past the end or too many ranges are unsatisfiable.
 */
export function parseRange(header: string | undefined, size: number): RangeRequest {
  if (!header) return { kind: 'whole' };
  const match = /^bytes=(.+)$/i.exec(header.trim());
  if (!match) return { kind: 'whole' };
  const specs = match[1]!.split(',');
  if (specs.length > MAX_RANGES) return { kind: 'unsatisfiable' };
  const ranges: ByteRange[] = [];
  let total = 0;
  for (const spec of specs) {
    const parts = /^\s*(\d{0,15})-(\d{0,15})\s*$/.exec(spec);
    if (!parts || (parts[1] === '' && parts[2] === '')) return { kind: 'whole' };
    let start: number;
    let end: number;
    if (parts[1] === '') {
      // "-N": the last N bytes.
      const suffix = Number(parts[2]);
      if (suffix === 0) return { kind: 'unsatisfiable' };
      start = Math.max(0, size - suffix);
      end = size - 1;
    } else {
      start = Number(parts[1]);
      end = parts[2] === '' ? size - 1 : Math.min(Number(parts[2]), size - 1);
      if (Number(parts[2] || start) < start) return { kind: 'whole' };
    }
    if (start >= size) return { kind: 'unsatisfiable' };
    total += end - start + 1;
    ranges.push({ start, end });
  }
  if (total > 2 * size) return { kind: 'unsatisfiable' };
  return { kind: 'ranges', ranges };
}

export type RangedBody = { status: 206; headers: Record<string, string>; body: Readable };

/** The 206 answer for `ranges` of `file`: its bytes as they are, or multipart/byteranges for several. */
export function rangedBody(file: string, size: number, ranges: ByteRange[], contentType: string): RangedBody {
  if (ranges.length === 1) {
    const [{ start, end }] = ranges as [ByteRange];
    return {
      status: 206,
      headers: {
        'content-type': contentType,
        'content-range': `bytes ${start}-${end}/${size}`,
        'content-length': String(end - start + 1),
      },
      body: createReadStream(file, { start, end }),
    };
  }
  const boundary = randomBytes(12).toString('hex');
  const heads = ranges.map((range, index) =>
    Buffer.from(
      `${index === 0 ? '' : '\r\n'}--${boundary}\r\ncontent-type: ${contentType}\r\n` +
        `content-range: bytes ${range.start}-${range.end}/${size}\r\n\r\n`,
    ),
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const length =
    heads.reduce((sum, head) => sum + head.length, 0) +
    ranges.reduce((sum, range) => sum + range.end - range.start + 1, 0) +
    tail.length;
  async function* parts() {
    for (const [index, range] of ranges.entries()) {
      yield heads[index]!;
      yield* createReadStream(file, { start: range.start, end: range.end });
    }
    yield tail;
  }
  return {
    status: 206,
    headers: {
      'content-type': `multipart/byteranges; boundary=${boundary}`,
      'content-length': String(length),
    },
    body: Readable.from(parts(), { objectMode: false }),
  };
}
