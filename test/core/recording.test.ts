/**
 * Recording a form's answers (src/core/recording.ts): the Response cell names its response, and
 * an edit replaces its own row.
 */
import fc from 'fast-check';
import { checkProperty } from './property';
import { answerStands, replaceOrAdd, responseKey, responseRef } from '../../src/core/recording';

describe('responseKey and responseRef', () => {
  it('name the response by its place and time; the place reads back from the cell', () => {
    const key = responseKey('Form Responses 1!7', new Date(Date.UTC(2026, 10, 18, 14, 5, 9)));
    expect(key).toBe('Form Responses 1!7 @ 2026-11-18T14:05:09.000Z');
    expect(responseRef(key)).toBe('Form Responses 1!7');
  });

  it('read a cell without a time as the place itself', () => {
    expect(responseRef('Form Responses 1!7')).toBe('Form Responses 1!7');
  });

  it('give back the place for any sheet name, one with " @ " in it too', () => {
    checkProperty(
      fc.property(
        fc.string(),
        fc.integer({ min: 2, max: 100_000 }),
        fc.date({ min: new Date(0), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }),
        (sheet, row, at) => responseRef(responseKey(`${sheet}!${row}`, at)) === `${sheet}!${row}`,
      ),
      { pastFailures: [] },
    );
    expect(responseRef(responseKey('Answers @ home!2', new Date(0)))).toBe('Answers @ home!2');
  });
});

describe('replaceOrAdd', () => {
  const rows = [
    ['S1', 'Fall', 'first'],
    ['S2', 'Fall', 'second'],
    ['S1', 'Spring', 'third'],
  ];

  it('puts an edited answer in place of its own row, and leaves the others the same rows', () => {
    const edited = ['S2', 'Fall', 'edited'];
    const out = replaceOrAdd(rows, (r) => r[0] === 'S2' && r[1] === 'Fall', edited);
    expect(out).toEqual([rows[0], edited, rows[2]]);
    expect(out[0]).toBe(rows[0]);
    expect(out[2]).toBe(rows[2]);
    expect(rows[1]).toEqual(['S2', 'Fall', 'second']);
  });

  it('adds an answer with no row of its own at the end', () => {
    const added = ['S3', 'Fall', 'new'];
    const out = replaceOrAdd(rows, (r) => r[0] === 'S3', added);
    expect(out).toEqual([...rows, added]);
    expect(rows).toHaveLength(3);
  });

  it('replaces only the first of two rows that match', () => {
    const out = replaceOrAdd(rows, (r) => r[0] === 'S1', ['S1', 'x', 'y']);
    expect(out).toEqual([['S1', 'x', 'y'], rows[1], rows[2]]);
  });

  it('keeps the count: one more row when none is its own, the same otherwise', () => {
    checkProperty(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 })),
        fc.integer({ min: 0, max: 5 }),
        (xs, x) => {
          const out = replaceOrAdd(xs, (r) => r === x, 99);
          return (
            out.length === xs.length + (xs.includes(x) ? 0 : 1) &&
            out.filter((r) => r === 99).length === 1 + xs.filter((r) => r === 99).length &&
            out.every((r, i) => r === 99 || r === xs[i])
          );
        },
      ),
      { pastFailures: [] },
    );
  });
});

describe('answerStands', () => {
  const recorded = Date.UTC(2026, 10, 18, 14, 0);

  it('lets the first answer and a later one stand', () => {
    expect(answerStands(undefined, recorded)).toBe(true);
    expect(answerStands(recorded, recorded + 1000)).toBe(true);
  });

  it('never lets an older answer, recorded late, replace a newer one', () => {
    expect(answerStands(recorded, recorded - 1000)).toBe(false);
  });

  it('of two answers given in the same second, lets the one recorded last stand', () => {
    expect(answerStands(recorded, recorded)).toBe(true);
  });

  it('keeps the latest answer whatever order they are recorded in', () => {
    checkProperty(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e12 }), { minLength: 1 }), (times) => {
        let latest: number | undefined;
        for (const t of times) if (answerStands(latest, t)) latest = t;
        return latest === Math.max(...times);
      }),
      { pastFailures: [] },
    );
  });
});
