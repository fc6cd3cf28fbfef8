/**
 * Under Stryker, jest compiles TypeScript with esbuild (test/stryker-transform.cjs) instead of
 * ts-jest. A test file or module it compiled wrongly would fail every mutant's run, or pass one
 * it should not; a cache key blind to the source would serve a mutated file's old code.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const transformer = require('../stryker-transform.cjs') as {
  process: (source: string, path: string) => { code: string; map: string };
  getCacheKey: (source: string, path: string) => string;
};

/** Runs compiled CommonJS with the given modules to require; returns its exports. */
function load(code: string, modules: Record<string, unknown> = {}): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', 'require', code)(module, module.exports, (id: string) => {
    if (!(id in modules)) throw new Error(`unexpected require of ${id}`);
    return modules[id];
  });
  return module.exports;
}

const SOURCE = `
import { Family } from './types';
import { minutes } from './dates';

interface Slot { start: number; length: number }
export const ends = (slot: Slot, family?: Family): number => slot.start + minutes(slot.length);
export default class Room { constructor(readonly name: string) {} }
`;

describe('the esbuild transformer of Stryker runs', () => {
  it('compiles TypeScript to CommonJS that runs, requiring only the imports used as values', () => {
    const { code } = transformer.process(SOURCE, '/repo/src/core/slot.ts');
    const exported = load(code, { './dates': { minutes: (n: number) => n * 60 } });
    expect(
      (exported.ends as (slot: { start: number; length: number }) => number)({
        start: 600,
        length: 10,
      }),
    ).toBe(1200);
    const Room = exported.default as new (name: string) => { name: string };
    expect(new Room('Room 12').name).toBe('Room 12');
  });

  it('gives a source map naming the file, for the stack of a failing test', () => {
    const { map } = transformer.process(SOURCE, '/repo/src/core/slot.ts');
    expect(JSON.parse(map).sources).toEqual(['/repo/src/core/slot.ts']);
  });

  it('keys its cache on the source and the path, so a mutated file is compiled again', () => {
    const key = transformer.getCacheKey(SOURCE, '/repo/src/core/slot.ts');
    expect(transformer.getCacheKey(SOURCE, '/repo/src/core/slot.ts')).toBe(key);
    expect(transformer.getCacheKey(SOURCE.replace('+', '-'), '/repo/src/core/slot.ts')).not.toBe(
      key,
    );
    expect(transformer.getCacheKey(SOURCE, '/repo/src/core/other.ts')).not.toBe(key);
  });
});
