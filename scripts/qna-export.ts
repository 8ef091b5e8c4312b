/**
 * Writes the Azure custom question answering import file from the knowledge base.
 *
 *   node dist/scripts/qna-export.js [output-path] [--project ipt-guide]
 *
 * Default output: deploymentTemplates/qna/ipt-guide.qna.json. Import it into a Language resource's
 * custom question answering project, then deploy it (see README "Question answering").
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadKnowledgeBase } from '../src/content/knowledgeBase';
import { buildQnaProject, type QnaProjectFile } from '../src/language/qnaExport';

export const DEFAULT_OUTPUT = 'deploymentTemplates/qna/ipt-guide.qna.json';

export function qnaProject(projectName = 'ipt-guide'): QnaProjectFile {
  return buildQnaProject(loadKnowledgeBase(), { projectName });
}

export function exportQnaProject(output: string, projectName = 'ipt-guide'): QnaProjectFile {
  const project = qnaProject(projectName);
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, `${JSON.stringify(project, null, 2)}\n`, 'utf8');
  return project;
}

function main(): void {
  const args = process.argv.slice(2);
  const projectIndex = args.indexOf('--project');
  const projectName = projectIndex >= 0 ? args[projectIndex + 1] : 'ipt-guide';
  const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1] === '--project'));
  const output = resolve(positional[0] ?? DEFAULT_OUTPUT);
  const project = exportQnaProject(output, projectName);
  console.log(`Wrote ${project.assets.qnas.length} question and answer pairs to ${output}`);
}

if (require.main === module) main();
