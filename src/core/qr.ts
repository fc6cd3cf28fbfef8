/**
 * QR codes for the paper letters, made here so no family's link is sent to an outside QR
 * service: byte mode, error correction level M (a letter may be creased or smudged), versions 1
 * to 10 (up to 213 bytes, room for a prefilled form link). ISO/IEC 18004: the layout, the
 * Reed–Solomon code over GF(256) with 0x11D, the BCH-coded format and version bits, and the
 * mask whose penalty is lowest. Pure, and small enough to ship inside the Apps Script bundle.
 */

/** Codewords per version at level M: [error-correction codewords per block, data per block...]. */
const BLOCKS_M: Record<number, [number, number[]]> = {
  1: [10, [16]],
  2: [16, [28]],
  3: [26, [44]],
  4: [18, [32, 32]],
  5: [24, [43, 43]],
  6: [16, [27, 27, 27, 27]],
  7: [18, [31, 31, 31, 31]],
  8: [22, [38, 38, 39, 39]],
  9: [22, [36, 36, 36, 37, 37]],
  10: [26, [43, 43, 43, 43, 44]],
};

const ALIGNMENT: Record<number, number[]> = {
  1: [],
  2: [6, 18],
  3: [6, 22],
  4: [6, 26],
  5: [6, 30],
  6: [6, 34],
  7: [6, 22, 38],
  8: [6, 24, 42],
  9: [6, 26, 46],
  10: [6, 28, 50],
};

/** Level M's two format bits. */
const LEVEL_M = 0;

/** The most bytes a code made here holds. */
export const QR_MAX_BYTES = 213;

/** A QR code: `dark[row][column]`, without the quiet zone. */
export interface QrCode {
  version: number;
  mask: number;
  size: number;
  dark: boolean[][];
}

function utf8(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else
      out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

function dataCapacity(version: number): number {
  return BLOCKS_M[version]![1].reduce((a, b) => a + b, 0);
}

/** GF(256) product, modulo x^8 + x^4 + x^3 + x^2 + 1. */
function gfMultiply(x: number, y: number): number {
  let z = 0;
  for (let i = 7; i >= 0; i--) {
    z = (z << 1) ^ ((z >>> 7) * 0x11d);
    z ^= ((y >>> i) & 1) * x;
  }
  return z & 0xff;
}

/** The Reed–Solomon remainder of `data` for a code of `degree` error-correction codewords. */
function reedSolomon(data: number[], degree: number): number[] {
  const divisor: number[] = new Array<number>(degree).fill(0);
  divisor[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) {
      divisor[j] = gfMultiply(divisor[j]!, root) ^ (j + 1 < degree ? divisor[j + 1]! : 0);
    }
    root = gfMultiply(root, 2);
  }
  const result: number[] = new Array<number>(degree).fill(0);
  for (const b of data) {
    const factor = b ^ result.shift()!;
    result.push(0);
    divisor.forEach((d, i) => (result[i]! ^= gfMultiply(d, factor)));
  }
  return result;
}

/** The codewords in the order they are placed: data blocks interleaved, then their EC blocks. */
function codewords(bytes: number[], version: number): number[] {
  const bits: number[] = [];
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  const capacity = dataCapacity(version) * 8;
  put(0b0100, 4);
  put(bytes.length, version < 10 ? 8 : 16);
  bytes.forEach((b) => put(b, 8));
  put(0, Math.min(4, capacity - bits.length));
  put(0, (8 - (bits.length % 8)) % 8);
  for (let pad = 0xec; bits.length < capacity; pad ^= 0xec ^ 0x11) put(pad, 8);
  const data: number[] = [];
  for (let i = 0; i < bits.length; i += 8)
    data.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0));
  const [ecLength, lengths] = BLOCKS_M[version]!;
  const blocks: number[][] = [];
  let at = 0;
  for (const length of lengths) {
    blocks.push(data.slice(at, at + length));
    at += length;
  }
  const ec = blocks.map((b) => reedSolomon(b, ecLength));
  const out: number[] = [];
  for (let i = 0; i < Math.max(...lengths); i++)
    for (const b of blocks) if (i < b.length) out.push(b[i]!);
  for (let i = 0; i < ecLength; i++) for (const e of ec) out.push(e[i]!);
  return out;
}

function maskBit(mask: number, row: number, col: number): boolean {
  switch (mask) {
    case 0:
      return (row + col) % 2 === 0;
    case 1:
      return row % 2 === 0;
    case 2:
      return col % 3 === 0;
    case 3:
      return (row + col) % 3 === 0;
    case 4:
      return (Math.floor(row / 2) + Math.floor(col / 3)) % 2 === 0;
    case 5:
      return ((row * col) % 2) + ((row * col) % 3) === 0;
    case 6:
      return (((row * col) % 2) + ((row * col) % 3)) % 2 === 0;
    default:
      return (((row + col) % 2) + ((row * col) % 3)) % 2 === 0;
  }
}

/** The 15 format bits for level M and this mask, BCH (15,5) coded and masked. */
export function formatBits(mask: number): number {
  const data = (LEVEL_M << 3) | mask;
  let rem = data;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  return ((data << 10) | rem) ^ 0x5412;
}

/** The 18 version bits, BCH (18,6) coded. */
export function versionBits(version: number): number {
  let rem = version;
  for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
  return (version << 12) | rem;
}

/** One version's code with one mask. */
function draw(version: number, words: number[], mask: number): QrCode {
  const size = version * 4 + 17;
  const dark = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  const fixed = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  const set = (row: number, col: number, on: boolean) => {
    dark[row]![col] = on;
    fixed[row]![col] = true;
  };
  for (let i = 0; i < size; i++) {
    set(6, i, i % 2 === 0);
    set(i, 6, i % 2 === 0);
  }
  for (const [r0, c0] of [
    [3, 3],
    [3, size - 4],
    [size - 4, 3],
  ] as const)
    for (let dr = -4; dr <= 4; dr++)
      for (let dc = -4; dc <= 4; dc++) {
        const r = r0 + dr;
        const c = c0 + dc;
        const ring = Math.max(Math.abs(dr), Math.abs(dc));
        if (r >= 0 && r < size && c >= 0 && c < size) set(r, c, ring !== 2 && ring !== 4);
      }
  const centres = ALIGNMENT[version]!;
  const last = centres.length - 1;
  centres.forEach((r, i) =>
    centres.forEach((c, j) => {
      // The three corners hold the finder patterns instead.
      if ((i === 0 && (j === 0 || j === last)) || (i === last && j === 0)) return;
      for (let dr = -2; dr <= 2; dr++)
        for (let dc = -2; dc <= 2; dc++)
          set(r + dr, c + dc, Math.max(Math.abs(dr), Math.abs(dc)) !== 1);
    }),
  );
  const format = formatBits(mask);
  const bit = (value: number, i: number) => ((value >>> i) & 1) === 1;
  for (let i = 0; i <= 5; i++) set(i, 8, bit(format, i));
  set(7, 8, bit(format, 6));
  set(8, 8, bit(format, 7));
  set(8, 7, bit(format, 8));
  for (let i = 9; i < 15; i++) set(8, 14 - i, bit(format, i));
  for (let i = 0; i < 8; i++) set(8, size - 1 - i, bit(format, i));
  for (let i = 8; i < 15; i++) set(size - 15 + i, 8, bit(format, i));
  set(size - 8, 8, true);
  if (version >= 7) {
    const v = versionBits(version);
    for (let i = 0; i < 18; i++) {
      const a = size - 11 + (i % 3);
      const b = Math.floor(i / 3);
      set(b, a, bit(v, i));
      set(a, b, bit(v, i));
    }
  }
  let i = 0;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let vert = 0; vert < size; vert++)
      for (let j = 0; j < 2; j++) {
        const col = right - j;
        const row = ((right + 1) & 2) === 0 ? size - 1 - vert : vert;
        if (fixed[row]![col]) continue;
        const on = i < words.length * 8 && bit(words[i >>> 3]!, 7 - (i & 7));
        dark[row]![col] = on !== maskBit(mask, row, col);
        i++;
      }
  }
  return { version, mask, size, dark };
}

/** The standard's penalty: runs, 2×2 blocks, finder-like patterns, and dark/light balance. */
function penalty({ size, dark }: QrCode): number {
  let score = 0;
  const lines = [...dark, ...dark.map((_, c) => dark.map((row) => row[c]!))];
  for (const line of lines) {
    let run = 1;
    for (let i = 1; i <= size; i++) {
      if (i < size && line[i] === line[i - 1]) run++;
      else {
        if (run >= 5) score += run - 2;
        run = 1;
      }
    }
    const text = line.map((d) => (d ? '1' : '0')).join('');
    score += 40 * (text.match(/(?=(10111010000|00001011101))/g) ?? []).length;
  }
  for (let r = 0; r + 1 < size; r++)
    for (let c = 0; c + 1 < size; c++) {
      const d = dark[r]![c];
      if (d === dark[r]![c + 1] && d === dark[r + 1]![c] && d === dark[r + 1]![c + 1]) score += 3;
    }
  const darkCount = dark.flat().filter(Boolean).length;
  score += 10 * Math.floor(Math.abs((darkCount * 20) / (size * size) - 10));
  return score;
}

/**
 * The QR code for `text` (UTF-8), in the smallest version that holds it at level M, with the
 * mask of lowest penalty (or `mask` when given, for tests). Throws when the text is too long.
 */
export function qrCode(text: string, mask?: number): QrCode {
  const bytes = utf8(text);
  const version = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].find(
    (v) => 4 + (v < 10 ? 8 : 16) + bytes.length * 8 <= dataCapacity(v) * 8,
  );
  if (!version)
    throw new RangeError(
      `A QR code made here holds at most ${QR_MAX_BYTES} bytes; this link has ${bytes.length}.`,
    );
  const words = codewords(bytes, version);
  if (mask !== undefined) return draw(version, words, mask);
  let best: QrCode | null = null;
  let bestScore = Infinity;
  for (let m = 0; m < 8; m++) {
    const code = draw(version, words, m);
    const score = penalty(code);
    if (score < bestScore) [best, bestScore] = [code, score];
  }
  return best!;
}

/**
 * The code as an SVG (one path, four modules of quiet zone), `px` pixels square. Each row's runs
 * of dark modules are strokes one module wide along the row's middle: a class list prints a code
 * per student, and a square per module made a page of them megabytes long.
 */
export function qrSvg(text: string, px = 132): string {
  const { size, dark } = qrCode(text);
  const quiet = 4;
  const whole = size + quiet * 2;
  let path = '';
  dark.forEach((row, r) => {
    // Where the pen is along this row (the row's first run starts with an absolute move).
    let at = -1;
    for (let c = 0; c < size; c++) {
      if (!row[c]) continue;
      let n = 1;
      while (c + n < size && row[c + n]) n++;
      path += at < 0 ? `M${c + quiet} ${r + quiet}.5` : `m${c + quiet - at} 0`;
      path += `h${n}`;
      at = c + quiet + n;
      c += n - 1;
    }
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${px}" height="${px}" viewBox="0 0 ${whole} ${whole}" shape-rendering="crispEdges" role="img"><rect width="${whole}" height="${whole}" fill="#fff"/><path d="${path}" fill="none" stroke="#000" stroke-width="1"/></svg>`;
}
