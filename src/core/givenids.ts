/**
 * Family IDs typed on the Roster that a person would misread: one equal to the id the add-on
 * keeps for another family (so the Roster's ID cannot be shown for it, familyshown.ts), and IDs
 * that differ only in case (two families, as they always have been, though they look like one).
 */
import type { Problem } from '../shared/api';
import { describeCell } from './errors';

/** What of a family (roster.ts) the warnings read; its rows and studentIds run in parallel. */
interface Family {
  id: string;
  name: string;
  givenId?: string;
  aliases?: string[];
  studentIds: string[];
  rows: number[];
}

/** The Roster's warnings about its Family IDs; `typed`: each Student ID's Family ID as written. */
export function givenIdProblems(
  families: readonly Family[],
  typed: ReadonlyMap<string, string>,
  table: { columns: Map<string, number>; headerText: Map<string, string> },
): Problem[] {
  const column = table.columns.get('Family ID') ?? 1;
  const header = table.headerText.get('Family ID');
  const cellOf = (f: Family, given: string) => {
    const i = f.studentIds.findIndex((id) => typed.get(id) === given);
    const where = { sheet: 'Roster', row: f.rows[Math.max(i, 0)]!, column };
    return { where, cell: describeCell(where, header) };
  };
  const problems: Problem[] = [];
  const byCase = new Map<string, Family[]>();
  // Each id and former id the add-on gave, to its family: one lookup per given ID, not a scan.
  const owners = new Map<string, Family>();
  for (const o of families) for (const id of [o.id, ...(o.aliases ?? [])]) owners.set(id, o);
  for (const f of families) {
    const given = f.givenId;
    if (!given) continue;
    byCase.set(given.toLowerCase(), [...(byCase.get(given.toLowerCase()) ?? []), f]);
    const owner = owners.get(given);
    if (!owner || owner === f) continue;
    const { where, cell } = cellOf(f, given);
    problems.push({
      severity: 'warning',
      where,
      message: `${cell}: Family ID "${given}" (the ${f.name} family) is already the add-on's own id for the ${owner.name} family (row ${owner.rows[0]}), so wherever a Family ID is shown (Schedule, Waitlist, Follow-ups, letters, files) this family is shown as "${f.id}", and "${given}" there means the ${owner.name} family. Give this family a different Family ID.`,
    });
  }
  for (const group of byCase.values()) {
    if (new Set(group.map((f) => f.givenId)).size < 2) continue;
    const cells = group.map((f) => cellOf(f, f.givenId!));
    const named = cells.map((c, i) => `"${group[i]!.givenId}" (${c.cell})`);
    problems.push({
      severity: 'warning',
      where: cells[0]!.where,
      message: `${cells[0]!.cell}: Family IDs ${named.slice(0, -1).join(', ')} and ${named[named.length - 1]} differ only in case: they are ${group.length} families; type the same ID if they are one.`,
    });
  }
  return problems;
}
