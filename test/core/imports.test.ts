/**
 * Imports run one way (STYLE.md): no module under src/ imports one that imports it back, directly
 * or through others. When two jobs need the same helper, the helper moves down into its own module.
 *
 * Type-only imports count. A cycle carried by `import type` still says two modules each know the
 * other's design; moving the shared type down costs one small file and keeps the graph a ladder
 * a reader can climb from the bottom.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const SRC = join(__dirname, '../../src');

/** Relative imports and re-exports of one file, resolved to paths under src/ (`workspace/forms`). */
function relativeImports(file: string, text: string): string[] {
  const out: string[] = [];
  const specifiers = [
    ...text.matchAll(/\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/g),
    ...text.matchAll(/\bimport\s+['"](\.{1,2}\/[^'"]+)['"]/g),
  ];
  for (const m of specifiers) {
    const base = join(dirname(join(SRC, file)), m[1]!);
    const target = [`${base}.ts`, join(base, 'index.ts')].find((p) => existsSync(p));
    if (target) out.push(relative(SRC, target).replace(/\.ts$/, ''));
  }
  return out;
}

/** Every cycle in the graph, each once, written a → b → a. */
function findCycles(graph: Map<string, string[]>): string[] {
  const cycles: string[] = [];
  const seen = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') {
        const loop = stack.slice(stack.indexOf(next));
        // One name per cycle whatever node the walk entered it by: rotate to the smallest name.
        const start = loop.indexOf([...loop].sort()[0]!);
        const rotated = [...loop.slice(start), ...loop.slice(0, start)];
        const name = [...rotated, rotated[0]].join(' → ');
        if (!seen.has(name)) {
          seen.add(name);
          cycles.push(name);
        }
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

describe('src/', () => {
  it('has no import cycles', () => {
    const files = (readdirSync(SRC, { recursive: true }) as string[]).filter((f) =>
      f.endsWith('.ts'),
    );
    const graph = new Map<string, string[]>();
    for (const file of files) {
      graph.set(
        file.replace(/\.ts$/, ''),
        relativeImports(file, readFileSync(join(SRC, file), 'utf8')),
      );
    }
    expect(findCycles(graph)).toEqual([]);
  });
});

describe('findCycles', () => {
  it('names a two-module cycle once, from its smallest name', () => {
    const graph = new Map([
      ['b', ['a']],
      ['a', ['b']],
    ]);
    expect(findCycles(graph)).toEqual(['a → b → a']);
  });

  it('finds none in a graph that only goes down', () => {
    const graph = new Map([
      ['a', ['b', 'c']],
      ['b', ['c']],
      ['c', []],
    ]);
    expect(findCycles(graph)).toEqual([]);
  });
});
