// Builds dist/ when it is missing or older than any source file, so `npm start` works straight
// after `npm install` and never runs stale code. It never compiles in production or where
// TypeScript is not installed (a production install has no dev dependencies): there it runs
// what was built, or stops with one line saying how to build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const sources = ['src', 'bots', 'dialogs', 'scripts', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];
const marker = join(root, 'dist', '.build-stamp');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const entry = join(root, 'dist', 'src', 'index.js');

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

if (process.env.NODE_ENV === 'production' || !existsSync(tsc)) {
  if (!existsSync(entry)) {
    process.stderr.write('ipt-guide is not built (dist/src/index.js is missing) and cannot be built here: run `npm run build` where dev dependencies are installed, and deploy its release/ folder.\n');
    process.exit(1);
  }
} else {
  const built = existsSync(marker) ? statSync(marker).mtimeMs : 0;
  const changed = Math.max(...sources.map((name) => newest(join(root, name))));
  if (built < changed) {
    process.stdout.write('Building ipt-guide (TypeScript)...\n');
    execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
    execFileSync(process.execPath, ['-e', `require('fs').writeFileSync(${JSON.stringify(marker)}, new Date().toISOString())`]);
  }
}
