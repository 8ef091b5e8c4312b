// `npm run build`: the folder App Service (or any host) runs, with nothing to compile at start-up.
//   release/
//     dist/src, dist/bots, ...   compiled code (tsconfig.build.json, less scripts/)
//     locales/, public/          data the code reads at run time
//     package.json               the app's, with only a `start` script: no prestart, no build, no tsc
//     package-lock.json          so `npm ci --omit=dev` installs exactly what was tested
//     node_modules/              production dependencies only (skip with --no-install)
// Options: --out <folder> (default release), --no-install.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Read by the app at run time (src/projectRoot.ts, src/server/webchat/staticAssets.ts). */
const RUNTIME_DATA = ['locales', 'public'];
/** Compiled with the rest, but developers' tools that the service never runs. */
const DEV_ONLY_CODE = ['scripts'];

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = resolve(root, outIndex >= 0 ? args[outIndex + 1] : 'release');
const install = !args.includes('--no-install');

// A fresh compile into the release itself, never a copy of dist/: no stale output from deleted
// sources, and no race with a `npm start` or test compiling dist/ at the same time.
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', join(out, 'dist')], { stdio: 'inherit' });
for (const folder of DEV_ONLY_CODE) rmSync(join(out, 'dist', folder), { recursive: true, force: true });
for (const folder of RUNTIME_DATA) cpSync(join(root, folder), join(out, folder), { recursive: true });

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
pkg.scripts = { start: pkg.scripts.start };
writeFileSync(join(out, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
cpSync(join(root, 'package-lock.json'), join(out, 'package-lock.json'));

if (install) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: out, stdio: 'inherit' });
}
process.stdout.write(`Built ${out}: start it with \`node dist/src/index.js\` (or npm start) in that folder.\n`);
