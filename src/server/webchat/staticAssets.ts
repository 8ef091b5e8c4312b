import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Request, Response } from 'restify';
import { PROJECT_ROOT } from '../../projectRoot';

/**
 * The page's own files (public/) and Web Chat's browser bundle, straight from node_modules: the
 * machine may have no internet, and a CDN would be one more party seeing clinic visitors. URLs
 * carry a version or content hash, so browsers may cache them for good.
 */

export interface StaticAsset {
  readonly url: string;
  readonly contentType: string;
  serve(req: Request, res: Response): void;
}

function asset(url: string, contentType: string, load: () => Buffer): StaticAsset {
  let body: Buffer | undefined;
  let gzipped: Buffer | undefined;
  return {
    url,
    contentType,
    serve(req, res) {
      body ??= load();
      const wantsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      const headers: Record<string, string> = {
        'Content-Type': contentType,
        'Cache-Control': 'public, max-age=31536000, immutable',
        Vary: 'Accept-Encoding',
      };
      if (wantsGzip) {
        gzipped ??= gzipSync(body);
        res.sendRaw(200, gzipped, { ...headers, 'Content-Encoding': 'gzip' });
      } else {
        res.sendRaw(200, body, headers);
      }
    },
  };
}

function webChatPackageDir(): string {
  // The package's exports hide package.json, so find it from its main entry (lib/index.js).
  let dir = dirname(require.resolve('botframework-webchat', { paths: [PROJECT_ROOT] }));
  while (!dir.endsWith('botframework-webchat')) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the botframework-webchat package folder');
    dir = parent;
  }
  return dir;
}

function hashed(path: string, file: string): { url: string; load: () => Buffer } {
  const content = readFileSync(file);
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 12);
  // Read once for the hash and served from memory after that: the files are small.
  return { url: `${path}?v=${hash}`, load: () => content };
}

export interface PageAssets {
  webChat: StaticAsset;
  script: StaticAsset;
  styles: StaticAsset;
}

export function loadPageAssets(): PageAssets {
  const packageDir = webChatPackageDir();
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const script = hashed('/static/app.js', join(PROJECT_ROOT, 'public', 'app.js'));
  const styles = hashed('/static/app.css', join(PROJECT_ROOT, 'public', 'app.css'));
  return {
    // 4 MB: read on first request, not at start-up.
    webChat: asset(`/static/webchat/${version}/webchat.js`, 'application/javascript; charset=utf-8', () =>
      readFileSync(join(packageDir, 'dist', 'webchat.js')),
    ),
    script: asset(script.url, 'application/javascript; charset=utf-8', script.load),
    styles: asset(styles.url, 'text/css; charset=utf-8', styles.load),
  };
}

/** The route path of an asset (its URL without the cache-busting query). */
export function routePath(assetUrl: string): string {
  return assetUrl.split('?')[0];
}
