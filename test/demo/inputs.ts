/** Files a school gives the demo, written to a fresh folder, and the CSV files it writes, read back by header. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../../demo/csv';

export function demoFolder(prefix: string): {
  dir: string;
  file: (name: string, lines: string[]) => string;
  read: (out: string, name: string) => Record<string, string>[];
} {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    file: (name, lines) => {
      writeFileSync(join(dir, name), lines.join('\n'));
      return join(dir, name);
    },
    read: (out, name) => {
      const [header, ...rows] = parseCsv(readFileSync(join(out, name), 'utf8'));
      return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
    },
  };
}

/** Three families, one child each, all with Ms. Rivera: more than one short window holds. */
export const RIVERA_ROSTER = [
  'Student ID,First Name,Last Name,Teacher,Guardian 1 Email',
  '1,Ana,Ruiz,Ms. Rivera,ruiz@family.example',
  '2,Ben,Cole,Ms. Rivera,cole@family.example',
  '3,Cy,Diaz,Ms. Rivera,diaz@family.example',
];
