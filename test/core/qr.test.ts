/**
 * The letters' QR codes are made in the project; each is checked module by module against
 * qrcode-generator (a well-known encoder, a dev dependency only) and against the standard's own
 * format and version bit tables, so a phone's camera reads what the letter says.
 */
import fc from 'fast-check';
import qrcode from 'qrcode-generator';
import { formatBits, qrCode, qrSvg, QR_MAX_BYTES, versionBits } from '../../src/core/qr';
import { checkProperty } from './property';

/** The reference encoder's matrix for `text` at level M (UTF-8), row by row. */
function reference(text: string): boolean[][] {
  qrcode.stringToBytes = qrcode.stringToBytesFuncs['UTF-8']!;
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  const n = code.getModuleCount();
  return Array.from({ length: n }, (_, r) =>
    Array.from({ length: n }, (_, c) => code.isDark(r, c)),
  );
}

/** True when our code for `text`, with the mask the reference chose, is the reference's matrix. */
function matchesReference(text: string): boolean {
  const expected = reference(text);
  for (let mask = 0; mask < 8; mask++) {
    const ours = qrCode(text, mask);
    if (ours.size !== expected.length) return false;
    if (ours.dark.every((row, r) => row.every((on, c) => on === expected[r]![c]))) return true;
  }
  return false;
}

const PREFILLED =
  'https://docs.google.com/forms/d/e/1FAIpQLSf9d3Xx7QwErTyUiOpAsDfGhJkLzXcVbNm0123456789abcd/viewform?usp=pp_url&entry.1234567890=5f2b9c0e7a1d4c3b8e6f0a9d2c7b1e4f';

describe('qr', () => {
  describe('qrCode', () => {
    it.each([
      ['a two-letter text (version 1)', 'hi', 21],
      ['a short form link (version 3)', 'https://forms.gle/xR7dK2mQpL9vT4wZa', 29],
      ['a prefilled form link (version 9, with version bits)', PREFILLED, 53],
      ['the longest text it holds (version 10)', 'x'.repeat(QR_MAX_BYTES), 57],
      ['a Spanish name in UTF-8', 'Familia Núñez – año', 25],
    ])('draws %s exactly as the reference encoder does', (_, text, size) => {
      expect(qrCode(text).size).toBe(size);
      expect(matchesReference(text)).toBe(true);
    });

    it('draws any link up to its capacity as the reference encoder does', () => {
      checkProperty(
        fc.property(fc.string({ minLength: 1, maxLength: QR_MAX_BYTES }), (text) =>
          matchesReference(text),
        ),
        { numRuns: 40 },
      );
    });

    it('refuses a text longer than a version 10 code holds, saying how long it is', () => {
      expect(() => qrCode('x'.repeat(QR_MAX_BYTES + 1))).toThrow(
        /at most 213 bytes; this link has 214/,
      );
    });
  });

  describe('formatBits', () => {
    // ISO/IEC 18004 Table C.1, level M, masks 0 to 7.
    it.each([
      [0, '101010000010010'],
      [1, '101000100100101'],
      [2, '101111001111100'],
      [3, '101101101001011'],
      [4, '100010111111001'],
      [5, '100000011001110'],
      [6, '100111110010111'],
      [7, '100101010100000'],
    ])('codes level M with mask %i as the standard lists', (mask, bits) => {
      expect(formatBits(mask).toString(2).padStart(15, '0')).toBe(bits);
    });
  });

  describe('versionBits', () => {
    // ISO/IEC 18004 Table D.1.
    it.each([
      [7, '000111110010010100'],
      [8, '001000010110111100'],
      [10, '001010010011010011'],
    ])('codes version %i as the standard lists', (version, bits) => {
      expect(versionBits(version).toString(2).padStart(18, '0')).toBe(bits);
    });
  });

  describe('qrSvg', () => {
    /**
     * The modules an SVG path of one-module-wide strokes paints, as a matrix: each row's pen
     * moves to the row's middle (`M x y.5`), draws a run (`h n`), moves along (`m dx 0`).
     */
    function painted(svg: string, whole: number): boolean[][] {
      expect(svg).toContain('fill="none" stroke="#000" stroke-width="1"');
      const grid = Array.from({ length: whole }, () => Array<boolean>(whole).fill(false));
      const d = /<path d="([^"]*)"/.exec(svg)![1]!;
      let [x, y] = [0, 0];
      for (const m of d.matchAll(/M(\d+) (\d+)\.5|m(\d+) 0|h(\d+)/g)) {
        if (m[1] !== undefined) [x, y] = [Number(m[1]), Number(m[2])];
        else if (m[3] !== undefined) x += Number(m[3]);
        else {
          for (let i = 0; i < Number(m[4]); i++) grid[y]![x + i] = true;
          x += Number(m[4]);
        }
      }
      // Nothing else in the path: every command was read.
      expect(d.replace(/M\d+ \d+\.5|m\d+ 0|h\d+/g, '')).toBe('');
      return grid;
    }

    it.each([
      ['a two-letter text', 'hi'],
      ['a student’s prefilled link', PREFILLED],
    ])('paints exactly the dark modules of %s inside a four-module quiet zone', (_, text) => {
      const { size, dark } = qrCode(text);
      const svg = qrSvg(text);
      expect(svg).toContain(`viewBox="0 0 ${size + 8} ${size + 8}"`);
      const grid = painted(svg, size + 8);
      for (let r = 0; r < size + 8; r++)
        for (let c = 0; c < size + 8; c++) {
          const inside = r >= 4 && c >= 4 && r < size + 4 && c < size + 4;
          expect(grid[r]![c]).toBe(inside ? dark[r - 4]![c - 4]! : false);
        }
    });

    it('is a few kilobytes for a prefilled link, not tens', () => {
      expect(qrSvg(PREFILLED).length).toBeLessThan(8_000);
    });
  });
});
