import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';

/** No Docker engine here: the Dockerfile is checked as text, by Docker's own grammar. */

const ROOT = join(__dirname, '..', '..');
const dockerfile = DockerfileParser.parse(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; scripts: { start: string } };
const froms = dockerfile.getFROMs();

/** The instructions of each build stage, by stage name. */
function stages(): Map<string, Instruction[]> {
  const byStage = new Map<string, Instruction[]>();
  let current: Instruction[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      current = [];
      byStage.set(froms.find((from) => from.getRange().start.line === instruction.getRange().start.line)!.getBuildStage() ?? '', current);
    }
    current.push(instruction);
  }
  return byStage;
}

const byStage = stages();
const finalStage = [...byStage.values()].at(-1)!;
const text = (instruction: Instruction) => instruction.getArgumentsContent() ?? '';
const flags = (instruction: Instruction) => ('getFlags' in instruction && typeof instruction.getFlags === 'function' ? (instruction.getFlags() as { getName(): string; getValue(): string | null }[]) : []).map((flag) => `${flag.getName()}=${flag.getValue() ?? ''}`);

describe('the Dockerfile', () => {
  it('is multi-stage on Node 22', () => {
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const from of froms) expect([from.getImageName(), from.getImageTag()]).toEqual(['node', expect.stringMatching(/^22(-|$)/)]);
    expect(dockerfile.getInstructions().some((instruction) => instruction.getKeyword() === 'ADD')).toBe(false);
  });

  it('installs production dependencies with npm ci --omit=dev, and the final stage takes no dev dependencies', () => {
    const installs = dockerfile.getInstructions().filter((instruction) => instruction.getKeyword() === 'RUN').map(text);
    expect(installs).toEqual(expect.arrayContaining([expect.stringMatching(/\bnpm ci --omit=dev\b/)]));
    const fromBuild = finalStage.filter((instruction) => flags(instruction).includes('from=build')).map(text);
    expect(fromBuild.length).toBeGreaterThan(0);
    // From the build stage only the release folder (npm run build, no node_modules) is copied.
    for (const copy of fromBuild) expect(copy).toMatch(/^\/src\/release\//);
    const deps = finalStage.filter((instruction) => flags(instruction).includes('from=deps')).map(text);
    expect(deps).toEqual(['/app/node_modules ./node_modules']);
  });

  it('runs as a non-root user, in production, with node dist/src/index.js (no build at start)', () => {
    const users = finalStage.filter((instruction) => instruction.getKeyword() === 'USER').map(text);
    expect(users).toHaveLength(1);
    expect(users[0]).not.toMatch(/^(root|0)(:|$)/);
    const keywords = finalStage.map((instruction) => instruction.getKeyword());
    expect(keywords.indexOf('USER')).toBeLessThan(keywords.indexOf('CMD'));
    expect(finalStage.filter((instruction) => instruction.getKeyword() === 'ENV').map(text).join(' ')).toMatch(/NODE_ENV=production/);
    const cmd = dockerfile.getCMDs();
    expect(cmd).toHaveLength(1);
    expect(text(cmd[0])).toBe(JSON.stringify(pkg.scripts.start.split(' ')).replace(/,/g, ', '));
  });

  it('has a HEALTHCHECK on /healthz', () => {
    const healthchecks = dockerfile.getInstructions().filter((instruction) => instruction.getKeyword() === 'HEALTHCHECK');
    expect(healthchecks).toHaveLength(1);
    expect(text(healthchecks[0])).toMatch(/^CMD .*\/healthz/);
    expect(flags(healthchecks[0])).toEqual(expect.arrayContaining([expect.stringMatching(/^interval=/), expect.stringMatching(/^start-period=/)]));
  });

  it('bakes in no secret, and keeps local settings and installed modules out of the build context', () => {
    const env = dockerfile.getInstructions().filter((instruction) => ['ENV', 'ARG'].includes(instruction.getKeyword())).map(text).join(' ');
    expect(env).not.toMatch(/PASSWORD|SECRET|KEY|TOKEN|MicrosoftAppId/i);
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n').map((line) => line.trim());
    expect(ignored).toEqual(expect.arrayContaining(['.env', 'node_modules', 'dist', 'release']));
  });
});
