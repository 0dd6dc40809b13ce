import { join } from 'node:path';
import { edgesOnCycles, importGraph, moduleEdges, readList, specifiersOf } from './import-graph';

const CORE_ALLOW_LIST = join(__dirname, 'core-imports-modules-allow-list.txt');
const CYCLE_ALLOW_LIST = join(__dirname, 'module-cycles-allow-list.txt');

const graph = importGraph();

/** Files under core/ that import something under modules/. */
function coreFilesImportingModules(): string[] {
  return [...graph]
    .filter(([file, targets]) => file.startsWith('core/') && targets.some((target) => target.startsWith('modules/')))
    .map(([file]) => file)
    .sort();
}

describe('layering: core depends on no module, and modules import each other without cycles', () => {
  it('finds no file under core/ that imports from modules/, beyond the allow-list', () => {
    const allowed = new Set(readList(CORE_ALLOW_LIST));
    expect(coreFilesImportingModules().filter((file) => !allowed.has(file))).toEqual([]);
  });

  it('lists only core files that still import from modules/ (a fix removes its file)', () => {
    const offending = new Set(coreFilesImportingModules());
    expect(readList(CORE_ALLOW_LIST).filter((file) => !offending.has(file))).toEqual([]);
  });

  it('finds no module import on a cycle, beyond the allow-listed edges', () => {
    const allowed = new Set(readList(CYCLE_ALLOW_LIST));
    expect(edgesOnCycles(moduleEdges(graph)).filter((edge) => !allowed.has(edge))).toEqual([]);
  });

  it('lists only edges that are still on a cycle (breaking one removes its edges)', () => {
    const onCycles = new Set(edgesOnCycles(moduleEdges(graph)));
    expect(readList(CYCLE_ALLOW_LIST).filter((edge) => !onCycles.has(edge))).toEqual([]);
  });

  it('sees the edges of a cycle and none of an acyclic chain', () => {
    const edges = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a', 'd'])],
      ['d', new Set(['e'])],
    ]);
    expect(edgesOnCycles(edges)).toEqual(['a -> b', 'b -> c', 'c -> a']);
  });

  it('reads type-only, multi-line, dynamic and re-exported imports', () => {
    const text = [
      "import type { A } from '../a';",
      'import {',
      '  B,',
      "} from '../../modules/b/b';",
      "export { C } from './c';",
      "const d = await import('./d');",
      "const e = require('e');",
    ].join('\n');
    expect(specifiersOf(text)).toEqual(['../a', '../../modules/b/b', './c', './d', 'e']);
  });
});
