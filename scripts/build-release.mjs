// `npm run build`: the folder App Service (or any host) runs, with nothing to compile at start-up.
//   release/
//     dist/src, dist/bots, ...   compiled code (the folders tsconfig.build.json compiles, less scripts/)
//     locales/, public/          data the code reads at run time
//     package.json               the app's, with only a `start` script: no prestart, no build, no tsc
//     package-lock.json          so `npm ci --omit=dev` installs exactly what was tested
//     node_modules/              production dependencies only (skip with --no-install)
// Options: --out <folder> (default release), --no-install.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Read by the app at run time (src/projectRoot.ts, src/server/webchat/staticAssets.ts). */
export const RUNTIME_DATA = ['locales', 'public'];
/** Compiled, but tools for developers, never run by the service. */
const DEV_ONLY_CODE = ['scripts'];

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = resolve(root, outIndex >= 0 ? args[outIndex + 1] : 'release');
const install = !args.includes('--no-install');

execFileSync(process.execPath, [join(root, 'scripts', 'build-if-stale.mjs')], { stdio: 'inherit' });

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'dist'), { recursive: true });
const { include } = JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8'));
for (const folder of include.filter((name) => !DEV_ONLY_CODE.includes(name))) {
  if (existsSync(join(root, 'dist', folder))) cpSync(join(root, 'dist', folder), join(out, 'dist', folder), { recursive: true });
}
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
