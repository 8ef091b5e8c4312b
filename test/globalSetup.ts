import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Process-level tests run the compiled service exactly as `npm start` does: build it first if stale. */
export default function globalSetup(): void {
  execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'build-if-stale.mjs')], { stdio: 'inherit' });
}
