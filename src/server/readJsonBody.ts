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
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  if (!type.startsWith('application/json')) {
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
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'bad_request', 'Request body is not valid JSON');
  }
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
