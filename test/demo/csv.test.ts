import fc from 'fast-check';
import { checkProperty } from '../core/property';
import { CsvError, csvField, parseCsv, toCsv } from '../../demo/csv';

describe('CSV as exports write it', () => {
  it('reads a byte-order mark, CRLF, quoted commas, quotes and newlines', () => {
    const text =
      '\ufeffStudent ID,Student Name,Notes\r\n1,"García, Sofía","said ""hi""\r\nthen left"\r\n2,Smith,\r\n';
    expect(parseCsv(text)).toEqual([
      ['Student ID', 'Student Name', 'Notes'],
      ['1', 'García, Sofía', 'said "hi"\r\nthen left'],
      ['2', 'Smith', ''],
    ]);
  });

  it('names the line of a quote that is never closed', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(CsvError);
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow('line 2');
  });

  it('writes text that cannot become a formula when the file is opened in a spreadsheet', () => {
    expect(csvField('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('plain')).toBe('plain');
    expect(csvField('-1+cmd|calc')).toBe("'-1+cmd|calc");
  });

  it('writes a negative number as a number', () => {
    expect(csvField(-0.4)).toBe('-0.4');
    expect(csvField('-33')).toBe('-33');
  });

  it('round-trips any table of safe text (property)', () => {
    const safe = fc.string().filter((s) => !/^[=+\-@\t\r]/.test(s));
    checkProperty(
      fc.property(
        fc.array(fc.array(safe, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        (rows) => {
          // A lone empty field on a line is indistinguishable from a blank line; CSV writers agree.
          fc.pre(rows.every((r) => !(r.length === 1 && r[0] === '')));
          expect(parseCsv(toCsv(rows))).toEqual(rows);
        },
      ),
    );
  });
});
