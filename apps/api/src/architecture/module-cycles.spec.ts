import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const MODULES = join(__dirname, '..', 'modules');

/**
 * Imports that still close a cycle between modules, each owned by a port still under way: a ratchet,
 * as data-access-allow-list.txt. Remove an edge once its import is gone; never add one.
 */
const CYCLE_EDGES_TO_REMOVE = [
  'audit -> users', // audit-log.service.ts reads the User entity for actor names
  'catalog -> teams', // catalog.service.ts reads the Team entity
];

const RELATIVE_IMPORT = /(?:import|export)\s[^;]*?\sfrom\s+'(\.[^']+)'/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const moduleOf = (file: string): string | null => {
  const path = relative(MODULES, file).split('\\').join('/');
  return path.startsWith('..') ? null : path.split('/')[0];
};

/** module → modules it imports from, with one importing file per edge (for the failure message). */
export function moduleImports(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of sources(MODULES)) {
    const from = moduleOf(file)!;
    const edges = graph.get(from) ?? new Map<string, string>();
    graph.set(from, edges);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) {
      const target = resolve(dirname(file), specifier);
      const to = moduleOf(existsSync(`${target}.ts`) ? `${target}.ts` : join(target, 'index.ts'));
      if (to && to !== from && !edges.has(to)) edges.set(to, relative(MODULES, file));
    }
  }
  return graph;
}

/** The groups of modules that import each other, directly or around a loop (Tarjan's strongly connected components). */
export function cycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    for (let member = stack.pop()!; ; member = stack.pop()!) {
      group.push(member);
      if (member === node) break;
    }
    if (group.length > 1) found.push(group.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('module imports (no cycle among modules)', () => {
  const graph = moduleImports();
  const without = (edges: string[]) =>
    new Map([...graph].map(([from, to]) => [from, new Set([...to.keys()].filter((target) => !edges.includes(`${from} -> ${target}`)))]));

  it('finds no cycle among modules once the listed edges are left out', () => {
    const remaining = cycles(without(CYCLE_EDGES_TO_REMOVE)).map((group) =>
      group.flatMap((from) => group.filter((to) => graph.get(from)?.has(to)).map((to) => `${from} -> ${to} (${graph.get(from)!.get(to)})`)),
    );
    expect(remaining).toEqual([]);
  });

  it('lists only edges that still exist (a port that drops one removes it here)', () => {
    expect(
      CYCLE_EDGES_TO_REMOVE.filter((edge) => {
        const [from, to] = edge.split(' -> ');
        return !graph.get(from)?.has(to);
      }),
    ).toEqual([]);
  });

  it('sees a cycle', () => {
    const loop = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ]);
    expect(cycles(loop)).toEqual([['a', 'b', 'c']]);
    expect(
      cycles(
        new Map([
          ['a', new Set(['b'])],
          ['b', new Set<string>()],
        ]),
      ),
    ).toEqual([]);
  });
});
