import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportCluProject } from '../../scripts/clu-export';
import { buildCluProject } from '../../src/language/cluExport';
import { INTENTS } from '../../src/language/recognizer';
import { loadUtterances } from '../../src/language/utterances';

describe('CLU project export', () => {
  const source = loadUtterances('en-GB');
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'clu-export-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a Conversation project in the 2023-04-01 import format', () => {
    const file = join(dir, 'nested', 'ipt-guide.clu.json');
    exportCluProject(file);
    const written = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(written).toMatchObject({
      projectFileVersion: '2023-04-01',
      stringIndexType: 'Utf16CodeUnit',
      metadata: { projectKind: 'Conversation', projectName: 'ipt-guide', language: 'en-gb', multilingual: false },
      assets: { projectKind: 'Conversation', entities: [] },
    });
    const assets = written.assets as { intents: { category: string }[]; utterances: Record<string, unknown>[] };
    expect(assets.intents.map((i) => i.category)).toEqual([...INTENTS]);
    for (const u of assets.utterances) {
      expect(Object.keys(u).sort()).toEqual(['dataset', 'intent', 'language', 'text']);
      expect(u.language).toBe('en-gb');
      expect(['Train', 'Test']).toContain(u.dataset);
      expect(INTENTS).toContain(u.intent);
    }
  });

  it('matches the utterance source exactly, split for split', () => {
    const project = buildCluProject(source);
    const rows = (dataset: string) =>
      project.assets.utterances
        .filter((u) => u.dataset === dataset)
        .map((u) => `${u.intent}|${u.text}`)
        .sort();
    expect(rows('Train')).toEqual(source.train.map((u) => `${u.intent}|${u.text}`).sort());
    expect(rows('Test')).toEqual(source.test.map((u) => `${u.intent}|${u.text}`).sort());
    expect(project.assets.utterances).toHaveLength(source.train.length + source.test.length);
  });
});
