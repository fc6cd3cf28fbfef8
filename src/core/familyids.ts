/**
 * Family ids that outlive regrouping. Availability links (codes in the document properties) and
 * the answers on the Availability sheet are kept per family id, so when the roster's grouping
 * changes (a sibling added, two rows found to be one family, a family split by a fixed Family
 * ID), each new family takes the id that most of its students had before, and a person is told
 * which rows changed and whose answers now count.
 */

export interface Grouping {
  /** The id the roster derives for the family now. */
  id: string;
  studentIds: string[];
  /** Roster rows of those students, for the notes. */
  rows: number[];
}

export interface CarriedIds {
  /** The id each family keeps, in the order given. */
  ids: string[];
  /** One sentence per regrouped family, naming rows: what changed and whose answers count. */
  notes: string[];
  /** Per family, the other old ids merged into it (their links still reach the family). */
  aliases: string[][];
}

/** "row 4", "rows 4 and 9", "rows 2, 3 and 7". */
export function rowList(rows: number[]): string {
  const sorted = [...rows].sort((a, b) => a - b);
  if (sorted.length === 1) return `row ${sorted[0]}`;
  return `rows ${sorted.slice(0, -1).join(', ')} and ${sorted[sorted.length - 1]}`;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Each family takes the previous id most of its students had (ties: the id of its student whose
 * ID sorts first); an old id goes to one family only, the one holding most of its students. A
 * family none of whose students had an id, or whose old id went to another part, keeps its own
 * (made unique if a carried id took it). Pure: the caller reads the previous map from wherever
 * it keeps it (the Schedule sheet's Student IDs and Family ID columns).
 */
export function carryFamilyIds(
  previous: ReadonlyMap<string, string>,
  families: Grouping[],
): CarriedIds {
  /** Per family: its old ids, with how many of its students had each, best first. */
  const claims = families.map((f) => {
    const count = new Map<string, { n: number; first: string }>();
    for (const s of [...f.studentIds].sort()) {
      const old = previous.get(s);
      if (!old) continue;
      const c = count.get(old);
      if (c) c.n++;
      else count.set(old, { n: 1, first: s });
    }
    return [...count.entries()]
      .sort(([, a], [, b]) => b.n - a.n || (a.first < b.first ? -1 : 1))
      .map(([old, c]) => ({ old, ...c }));
  });
  // Who gets each old id: the family holding most of its students (then the smaller student ID).
  const winner = new Map<string, { family: number; n: number; first: string }>();
  claims.forEach((list, family) => {
    const best = list[0];
    if (!best) return;
    const held = winner.get(best.old);
    if (!held || best.n > held.n || (best.n === held.n && best.first < held.first))
      winner.set(best.old, { family, n: best.n, first: best.first });
  });
  const ids: string[] = families.map(() => '');
  for (const [old, w] of winner) ids[w.family] = old;
  const used = new Set(ids.filter(Boolean));
  families.forEach((f, i) => {
    if (ids[i]) return;
    let id = f.id;
    for (let n = 2; used.has(id); n++) id = `${f.id}-${n}`;
    ids[i] = id;
    used.add(id);
  });

  const notes: string[] = [];
  const aliases: string[][] = families.map(() => []);
  families.forEach((f, i) => {
    const list = claims[i]!;
    const kept = list.find((c) => c.old === ids[i]);
    if (kept) aliases[i] = list.filter((c) => c !== kept && !used.has(c.old)).map((c) => c.old);
    if (list.length > 1 && kept) {
      const others = list.filter((c) => c !== kept).map((c) => c.old);
      notes.push(
        `${capital(rowList(f.rows))} now form one family; their answers and links were kept from ${kept.old} (the links of ${others.join(', ')} reach the family too).`,
      );
    }
    if (!kept && list.length > 0) {
      const old = list[0]!.old;
      const keeper = families.findIndex((_, j) => ids[j] === old);
      const there = keeper >= 0 ? families[keeper]!.rows : [];
      notes.push(
        `${capital(rowList(f.rows))} ${f.rows.length > 1 ? 'are' : 'is'} no longer in the family of ${there.length ? rowList(there) : 'other rows'} (${old}); ${f.rows.length > 1 ? 'they start' : 'it starts'} with no answers of ${f.rows.length > 1 ? 'their' : 'its'} own.`,
      );
    }
  });
  return { ids, notes, aliases };
}
