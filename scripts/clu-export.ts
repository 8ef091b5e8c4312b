/**
 * Writes the CLU project import file generated from the utterance source.
 *
 *   node dist/scripts/clu-export.js [output-path] [--locale en-GB] [--project ipt-guide]
 *
 * Default output: deploymentTemplates/clu/ipt-guide.clu.json (relative to the working directory).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildCluProject, type CluProjectFile } from '../src/language/cluExport';
import { loadUtterances } from '../src/language/utterances';

export const DEFAULT_OUTPUT = 'deploymentTemplates/clu/ipt-guide.clu.json';

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

/** Builds the project file from the utterance source and writes it; returns what was written. */
export function exportCluProject(output: string, locale = 'en-GB', projectName = 'ipt-guide'): CluProjectFile {
  const project = buildCluProject(loadUtterances(locale), { projectName });
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, `${JSON.stringify(project, null, 2)}\n`, 'utf8');
  return project;
}

function main(): void {
  const args = process.argv.slice(2);
  const locale = option(args, '--locale') ?? 'en-GB';
  const projectName = option(args, '--project') ?? 'ipt-guide';
  const flagValues = new Set([option(args, '--locale'), option(args, '--project')]);
  const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--') && flagValues.has(a)));
  const output = resolve(positional[0] ?? DEFAULT_OUTPUT);
  const project = exportCluProject(output, locale, projectName);
  console.log(`Wrote ${project.assets.utterances.length} utterances in ${project.assets.intents.length} intents to ${output}`);
}

if (require.main === module) main();
