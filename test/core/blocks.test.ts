import fc from 'fast-check';
import { checkProperty } from './property';
import { cellBlocks, type CellBlock, rowsNow, unkeyedRows } from '../../src/core/blocks';

/** Cells from [row, column, value] triples. */
function cells(...list: [number, number, unknown][]): Map<number, Map<number, unknown>> {
  const out = new Map<number, Map<number, unknown>>();
  for (const [r, c, v] of list) out.set(r, (out.get(r) ?? new Map()).set(c, v));
  return out;
}

/** Every cell a block writes, as "row,column" → value. */
function written(blocks: CellBlock[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const b of blocks)
    b.values.forEach((line, i) =>
      line.forEach((v, j) => {
        const key = `${b.row + i},${b.column + j}`;
        if (out.has(key)) throw new Error(`cell ${key} written twice`);
        out.set(key, v);
      }),
    );
  return out;
}

describe('cellBlocks', () => {
  it('writes the same columns of consecutive rows as one block', () => {
    expect(cellBlocks(cells([2, 17, 'e2'], [2, 18, 't2'], [3, 17, 'e3'], [3, 18, 't3']))).toEqual([
      {
        row: 2,
        column: 17,
        values: [
          ['e2', 't2'],
          ['e3', 't3'],
        ],
      },
    ]);
  });

  it('never covers a column between two written ones (a Locked box between Status and Event ID)', () => {
    expect(cellBlocks(cells([2, 15, 'invited'], [2, 17, 'e2']))).toEqual([
      { row: 2, column: 15, values: [['invited']] },
      { row: 2, column: 17, values: [['e2']] },
    ]);
  });

  it('never covers a row between two written ones', () => {
    expect(cellBlocks(cells([3, 17, 'e3'], [8, 17, 'e8']))).toEqual([
      { row: 3, column: 17, values: [['e3']] },
      { row: 8, column: 17, values: [['e8']] },
    ]);
  });

  it('starts a new block where the written columns of the next row differ', () => {
    expect(cellBlocks(cells([2, 17, 'e2'], [2, 18, 't2'], [3, 17, 'e3'], [4, 17, 'e4']))).toEqual([
      { row: 2, column: 17, values: [['e2', 't2']] },
      { row: 3, column: 17, values: [['e3'], ['e4']] },
    ]);
  });

  it('takes rows in sheet order, whatever order they were computed in', () => {
    expect(cellBlocks(cells([3, 15, 'b'], [2, 15, 'a']))).toEqual([
      { row: 2, column: 15, values: [['a'], ['b']] },
    ]);
  });

  it('writes exactly the cells given, each once (property)', () => {
    const cell = fc.tuple(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 8 }));
    checkProperty(
      fc.property(fc.uniqueArray(cell, { selector: ([r, c]) => `${r},${c}` }), (list) => {
        const given = cells(
          ...list.map(([r, c]): [number, number, unknown] => [r, c, `${r}:${c}`]),
        );
        const out = written(cellBlocks(given));
        expect(new Map([...out].sort())).toEqual(
          new Map(list.map(([r, c]) => [`${r},${c}`, `${r}:${c}`] as const).sort()),
        );
      }),
      {
        pastFailures: [
          {
            seed: 746670103,
            path: '0:1:6:15',
            found:
              'columns 1 and 3 of a row written as one block over column 2 (a run joined across a gap)',
          },
        ],
      },
    );
  });
});

describe('rowsNow', () => {
  it('finds each row a writer read on the row that holds its key now, after a sort or a deletion', () => {
    // Read: A on row 2, B on 3, C on 4. Now: C, A (B deleted), and a row typed by hand.
    const found = rowsNow(
      new Map([
        [2, 'A'],
        [3, 'B'],
        [4, 'C'],
      ]),
      ['C', 'A', ''],
      2,
    );
    expect(found.at).toEqual(
      new Map([
        [2, 3],
        [4, 2],
      ]),
    );
    expect(found.lost).toEqual([3]);
  });

  it('writes no row whose key is now on two rows (a copied row), nor one read without a key', () => {
    const found = rowsNow(
      new Map([
        [2, 'A'],
        [3, ''],
      ]),
      ['A', 'A', ''],
      2,
    );
    expect(found.at.size).toBe(0);
    expect(found.lost.sort()).toEqual([2, 3]);
  });

  it('keeps row numbers when no key moved, a repeated or blank key too', () => {
    const found = rowsNow(
      new Map([
        [2, 'A'],
        [3, 'A'],
        [4, ''],
      ]),
      ['A', 'A', '', 'typed below'],
      2,
    );
    expect(found.at).toEqual(
      new Map([
        [2, 2],
        [3, 3],
        [4, 4],
      ]),
    );
    expect(found.lost).toEqual([]);
  });

  it('after any reordering, sends every row to the row its key is on (property)', () => {
    checkProperty(
      fc.property(
        fc.uniqueArray(
          fc.string({ minLength: 1 }).filter((k) => k.trim() === k && k !== ''),
          {
            minLength: 1,
          },
        ),
        fc.integer({ min: 1, max: 1000 }),
        (keys, seed) => {
          const shuffled = [...keys].sort(
            (a, b) => ((keys.indexOf(a) * seed) % 7) - ((keys.indexOf(b) * seed) % 7),
          );
          const found = rowsNow(new Map(keys.map((k, i) => [i + 2, k])), shuffled, 2);
          expect(found.lost).toEqual([]);
          keys.forEach((k, i) => expect(shuffled[found.at.get(i + 2)! - 2]).toBe(k));
        },
      ),
    );
  });
});

describe('unkeyedRows', () => {
  it('holds out exactly the rows whose key is blank or on another row too, each named by its cell', () => {
    checkProperty(
      fc.property(
        fc.array(fc.constantFrom('', ' ', 'C-1', 'C-2', 'C-3', ' C-1'), { maxLength: 12 }),
        (keys) => {
          const rows = keys.map((conferenceId, i) => ({ row: i + 2, conferenceId }));
          const { rows: held, problems } = unkeyedRows(rows, 'Schedule', 1, 'reminded');
          const expected = rows
            .filter((r) => {
              const k = r.conferenceId.trim();
              return !k || keys.filter((x) => x.trim() === k).length > 1;
            })
            .map((r) => r.row);
          expect([...held]).toEqual(expected);
          expect(problems.map((p) => p.where)).toEqual(
            expected.map((row) => ({ sheet: 'Schedule', row, column: 1 })),
          );
          for (const p of problems)
            expect(p.message).toMatch(/^Schedule, row \d+, column A \(Conference ID\): /);
        },
      ),
    );
  });
});
