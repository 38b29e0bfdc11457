import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers.js';

/**
 * The house rules of src/, checked over the import graph that TypeScript's own
 * scanner reads (static, type-only and dynamic imports alike): no cycle
 * between files or between folders, and no import from a lower layer to a
 * higher one. docs/maintainers/architecture.md draws the same layers.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['util', 'model', 'paths', 'diagnostics', 'text'],
  ['rules'],
  ['load'],
  ['check'],
  ['config'],
  ['render', 'merge'],
  ['search'],
  ['site'],
  ['pdf'],
  ['write'],
  ['executor'],
  ['pipeline'],
  ['fix', 'new', 'import', 'dev'],
  ['api'],
  ['cli', 'progress'],
];

const SRC = join(REPO, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The folder of a file under src/ (a file at the top is its own folder: `cli`, `api`, `paths`). */
function folderOf(file: string): string {
  const parts = relative(SRC, file).split('/');
  return parts.length > 1 ? parts[0]! : parts[0]!.replace(/\.ts$/, '');
}

/** Every import between files of src/: [from, to], paths relative to src/. */
function importGraph(): [string, string][] {
  const edges: [string, string][] = [];
  for (const file of sources(SRC)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = normalize(join(dirname(file), fileName)).replace(/\.js$/, '.ts');
      edges.push([relative(SRC, file), relative(SRC, target)]);
    }
  }
  return edges;
}

/** The strongly connected components with more than one node (Tarjan): the cycles. */
function cycles(edges: readonly [string, string][]): string[][] {
  const next = new Map<string, string[]>();
  for (const [a, b] of edges) if (a !== b) next.set(a, [...(next.get(a) ?? []), b]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of new Set(edges.flat())) if (!index.has(v)) visit(v);
  return found;
}

describe('the dependencies of src/', () => {
  const edges = importGraph();
  const folderEdges = edges.map(([a, b]): [string, string] => [folderOf(join(SRC, a)), folderOf(join(SRC, b))]);
  const layerOf = new Map(LAYERS.flatMap((names, layer) => names.map((n) => [n, layer] as const)));

  it('reads a real graph (a broken reader would pass every rule below)', () => {
    expect(edges.length).toBeGreaterThan(150);
    expect(edges).toContainEqual(['cli.ts', 'api.ts']);
  });

  it('has no cycle between files', () => {
    expect(cycles(edges)).toEqual([]);
  });

  it('has no cycle between folders', () => {
    expect(cycles(folderEdges)).toEqual([]);
  });

  it('puts every folder in a layer', () => {
    expect([...new Set(folderEdges.flat())].filter((f) => !layerOf.has(f))).toEqual([]);
  });

  it('never imports from a higher layer (a stage only uses the stages below it)', () => {
    const back = edges.filter(([a, b]) => {
      const [fa, fb] = [folderOf(join(SRC, a)), folderOf(join(SRC, b))];
      return fa !== fb && layerOf.get(fa)! < layerOf.get(fb)!;
    });
    expect(back.map(([a, b]) => `${a} → ${b}`)).toEqual([]);
  });
});
