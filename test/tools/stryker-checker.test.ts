/**
 * Stryker's TypeScript checker type-checks each mutant with the program of
 * tsconfig.stryker.json. A file to mutate that is outside that program is passed through
 * unchecked (its mutants that do not compile would run, and could count as killed by a crash);
 * the Apps Script side inside it made every check re-check the files that import src/core.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');
const stryker = JSON.parse(readFileSync(path.join(ROOT, 'stryker.config.json'), 'utf8')) as {
  tsconfigFile: string;
  mutate: string[];
};

function tsFilesUnder(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.join(ROOT, folder, name));
}

function checkedFiles(): Set<string> {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path.join(ROOT, stryker.tsconfigFile),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  return new Set(parsed?.fileNames.map((name) => path.normalize(name)));
}

describe("the program of Stryker's TypeScript checker", () => {
  it('holds every file Stryker mutates', () => {
    expect(stryker.mutate).toEqual(['src/core/**/*.ts']);
    const checked = checkedFiles();
    const outside = tsFilesUnder('src/core').filter((file) => !checked.has(file));
    expect(outside).toEqual([]);
  });

  it('leaves out the Apps Script side that imports src/core', () => {
    const checked = checkedFiles();
    const appsScript = [...tsFilesUnder('src/workspace'), ...tsFilesUnder('src/server')];
    expect(appsScript.length).toBeGreaterThan(0);
    expect(appsScript.filter((file) => checked.has(file))).toEqual([]);
  });
});
