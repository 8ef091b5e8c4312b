import type { IncomingMessage } from 'node:http';
import { createGunzip, createInflate, createBrotliDecompress } from 'node:zlib';
import type { Transform } from 'node:stream';
import { HttpError } from './httpErrors';

/**
 * Reads a JSON request body with a hard byte limit that applies after decompression too, so a
 * small gzip bomb cannot expand past the limit. restify's own body parser has no limit by default
 * and inflates without a cap.
 */
export async function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) {
    req.resume();
    throw new HttpError(413, 'payload_too_large', `Request body is larger than ${limitBytes} bytes`);
  }
  // The media type exactly (parameters such as charset aside): "application/jsonfoo" is not JSON.
  const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    req.resume();
    throw new HttpError(415, 'unsupported_media_type', 'Content-Type must be application/json');
  }

  const source = decoderFor(req);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of source) {
      const buffer = chunk as Buffer;
      total += buffer.length;
      if (total > limitBytes) {
        if (source !== req) (source as Transform).destroy();
        req.resume();
        throw new HttpError(413, 'payload_too_large', `Request body is larger than ${limitBytes} bytes`);
      }
      chunks.push(buffer);
    }
  } catch (err) {
    if (err instanceof HttpError) throw err;
    throw new HttpError(400, 'bad_request', 'Request body could not be read');
  }

  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw new HttpError(400, 'bad_request', 'Request body is empty');
  // Deep nesting parses, but recursive code after it (copying, serialising) overflows the stack.
  if (nestingDepth(text) > MAX_JSON_DEPTH) throw new HttpError(400, 'too_deeply_nested', `JSON may nest at most ${MAX_JSON_DEPTH} levels`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'bad_request', 'Request body is not valid JSON');
  }
}

/** Deeper than any activity a channel sends (Adaptive Cards included). */
export const MAX_JSON_DEPTH = 64;

/** Pure: the deepest nesting of objects and arrays in JSON text (brackets inside strings ignored). */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  return deepest;
}

function decoderFor(req: IncomingMessage): AsyncIterable<unknown> {
  const encoding = String(req.headers['content-encoding'] ?? 'identity').toLowerCase().trim();
  switch (encoding) {
    case 'identity':
    case '':
      return req;
    case 'gzip':
      return req.pipe(createGunzip());
    case 'deflate':
      return req.pipe(createInflate());
    case 'br':
      return req.pipe(createBrotliDecompress());
    default:
      req.resume();
      throw new HttpError(415, 'unsupported_media_type', `Content-Encoding ${encoding} is not supported`);
  }
}
