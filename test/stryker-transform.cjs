/**
 * Under Stryker only (jest.stryker.config.cjs): TypeScript to CommonJS by esbuild, one file at a
 * time, instead of ts-jest. Neither checks types (ts-jest runs with `isolatedModules`, and
 * Stryker's TypeScript checker is what refuses a mutant that does not compile); esbuild only
 * strips them, faster. `npm test` keeps ts-jest.
 */
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { transformSync, version } = require('esbuild');

const OPTIONS = { format: 'cjs', target: 'es2022', sourcemap: 'external' };
const SELF = createHash('sha1').update(readFileSync(__filename)).update(version).digest('hex');

module.exports = {
  process(sourceText, sourcePath) {
    const loader = sourcePath.endsWith('.tsx') ? 'tsx' : 'ts';
    const { code, map } = transformSync(sourceText, { ...OPTIONS, loader, sourcefile: sourcePath });
    return { code, map };
  },
  getCacheKey(sourceText, sourcePath) {
    return createHash('sha1').update(SELF).update(sourcePath).update(sourceText).digest('hex');
  },
};
