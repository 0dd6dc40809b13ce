import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** apps/api/src */
export const SRC = join(__dirname, '..');

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)'([^']+)'/g;

export function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The module specifiers a source text imports, re-exports or requires (type-only imports included). */
export const specifiersOf = (text: string): string[] => [...text.matchAll(SPECIFIER)].map((match) => match[1]);

const inSrc = (path: string) => relative(SRC, path).split('\\').join('/');

function resolveRelative(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

/** Each source file (relative to src, `/`-separated) with the source files it imports, types included. */
export function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles()) {
    const targets = new Set<string>();
    for (const specifier of specifiersOf(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) continue;
      const target = resolveRelative(file, specifier);
      if (target) targets.add(inSrc(target));
    }
    graph.set(inSrc(file), [...targets].sort());
  }
  return graph;
}

/** The module a file belongs to (`modules/<name>/…`), or null outside modules/. */
export const moduleOf = (file: string): string | null => /^modules\/([^/]+)\//.exec(file)?.[1] ?? null;

/** `a -> b` for every module a that imports from another module b. */
export function moduleEdges(graph: Map<string, string[]>): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const [file, targets] of graph) {
    const from = moduleOf(file);
    if (!from) continue;
    for (const target of targets) {
      const to = moduleOf(target);
      if (to && to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
  }
  return edges;
}

/** The module edges that lie on a cycle: both ends in one strongly connected component (Tarjan). */
export function edgesOnCycles(edges: Map<string, Set<string>>): string[] {
  const nodes = new Set([...edges.keys(), ...[...edges.values()].flatMap((targets) => [...targets])]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const component = new Map<string, number>();
  const stack: string[] = [];
  let components = 0;
  const visit = (node: string): void => {
    const own = index.size;
    index.set(node, own);
    let lowest = own;
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) visit(next);
      // A finished neighbour outside the stack belongs to another component.
      if (!component.has(next)) lowest = Math.min(lowest, low.get(next) ?? index.get(next) ?? lowest);
    }
    low.set(node, lowest);
    if (lowest === own) {
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member !== undefined) component.set(member, components);
      } while (member !== node && member !== undefined);
      components++;
    }
  };
  for (const node of [...nodes].sort()) if (!index.has(node)) visit(node);
  return [...edges]
    .flatMap(([from, targets]) => [...targets].filter((to) => component.get(from) === component.get(to)).map((to) => `${from} -> ${to}`))
    .sort();
}

export const readList = (file: string): string[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
