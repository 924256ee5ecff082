/**
 * How the browser host sends the built renderer's files: text (scripts, styles, the page, JSON,
 * SVG) compressed with brotli or gzip as the browser accepts (node:zlib), each file compressed
 * once and kept in a bounded cache; fonts and images as they are (already compressed). Hashed
 * chunk names (`assets/tickets-page-DEPDQJ1u.js`) never change content, so the browser may keep
 * them for a year without asking again; index.html is never cached, so a new build is seen at once.
 */
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { SECURITY_HEADERS } from './csp';
import { chooseEncoding, type Encoding } from './accept-encoding';
import { contentTypeFor } from './paths';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Below this a compressed copy saves less than its headers cost. */
const MIN_COMPRESS_BYTES = 1024;
/** The compressed copies kept; the whole built renderer's text is ~5 MB before compression. */
const DEFAULT_CACHE_BYTES = 32 * 1024 * 1024;
/** What Vite names a chunk or asset: `assets/<name>-<8 characters of content hash>.<ext>`. */
const HASHED_ASSET = /^\/assets\/[^/]+-[\w-]{8}\.[a-z0-9]+$/i;

export function isCompressibleType(contentType: string): boolean {
  return /^(text\/|application\/(json|javascript|wasm)|image\/svg\+xml)/.test(contentType);
}

export function cacheControlFor(urlPath: string, isIndex: boolean): string {
  if (isIndex) return 'no-store';
  return HASHED_ASSET.test(urlPath) ? 'public, max-age=31536000, immutable' : 'max-age=3600';
}

/**
 * Fast settings: a file is compressed when first asked for (brotli at quality 11 takes seconds
 * for the largest chunk; quality 5 tens of milliseconds, for ~10% more bytes).
 */
function compress(bytes: Buffer, encoding: 'br' | 'gzip'): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 5,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      })
    : gzipped(bytes, { level: 6 });
}

type Cached = { version: string; body: Promise<Buffer>; size: number };

export type StaticFiles = {
  /** Sends `file` (already resolved inside the renderer folder) for a GET or HEAD of `urlPath`. */
  send(req: IncomingMessage, res: ServerResponse, file: string, urlPath: string, isIndex: boolean): Promise<void>;
  /** Bytes held by the cache of compressed copies (for tests). */
  cachedBytes(): number;
};

export function createStaticFiles({ maxCacheBytes = DEFAULT_CACHE_BYTES } = {}): StaticFiles {
  // Insertion order is recency: a hit moves its entry to the end, eviction takes from the front.
  const cache = new Map<string, Cached>();
  let cachedBytes = 0;

  function remember(key: string, entry: Cached): void {
    cache.set(key, entry);
    cachedBytes += entry.size;
    for (const [oldKey, old] of cache) {
      if (cachedBytes <= maxCacheBytes) break;
      cache.delete(oldKey);
      cachedBytes -= old.size;
    }
  }

  /** The file's bytes in `encoding`, compressed once per version of the file (size and time). */
  async function encoded(file: string, version: string, encoding: 'br' | 'gzip'): Promise<Buffer> {
    const key = `${encoding}:${file}`;
    const hit = cache.get(key);
    if (hit?.version === version) {
      cache.delete(key);
      cache.set(key, hit);
      return hit.body;
    }
    if (hit) {
      cache.delete(key);
      cachedBytes -= hit.size;
    }
    const body = readFile(file).then((bytes) => compress(bytes, encoding));
    // Two tabs asking at once share one compression; a failure is not kept.
    const entry: Cached = { version, body, size: 0 };
    cache.set(key, entry);
    try {
      const bytes = await body;
      if (cache.get(key) === entry) {
        cache.delete(key);
        remember(key, { version, body, size: bytes.length });
      }
      return bytes;
    } catch (error) {
      if (cache.get(key) === entry) cache.delete(key);
      throw error;
    }
  }

  return {
    async send(req, res, file, urlPath, isIndex) {
      const found = await stat(file);
      const contentType = contentTypeFor(file);
      const compressible = isCompressibleType(contentType);
      const encoding: Encoding =
        compressible && found.size >= MIN_COMPRESS_BYTES ? chooseEncoding(req.headers['accept-encoding']) : 'identity';
      const body =
        encoding === 'identity'
          ? await readFile(file)
          : await encoded(file, `${found.size}:${found.mtimeMs}`, encoding);
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': contentType,
        'Content-Length': String(body.length),
        'Cache-Control': cacheControlFor(urlPath, isIndex),
        // A cache between us and the browser must not hand a brotli body to a browser that asked without.
        ...(compressible ? { Vary: 'Accept-Encoding' } : {}),
        ...(encoding === 'identity' ? {} : { 'Content-Encoding': encoding }),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    },
    cachedBytes: () => cachedBytes,
  };
}
