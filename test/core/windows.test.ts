import { conferencesInWindow, windowEffect } from '../../src/shared/windows';

describe('what a teacher window holds', () => {
  it('a 4-hour window of 25-minute conferences holds 9 with no changeover and 8 with 5 minutes', () => {
    // 240 minutes: 9 × 25 = 225 fit back to back; with 5 minutes between, 8 × 30 − 5 = 235 do.
    expect(conferencesInWindow({ start: 900, end: 1140 }, 25, 0)).toBe(9);
    expect(conferencesInWindow({ start: 900, end: 1140 }, 25, 5)).toBe(8);
  });

  it('a window shorter than one conference holds none, and one exactly as long holds one', () => {
    expect(conferencesInWindow({ start: 0, end: 20 }, 25, 0)).toBe(0);
    expect(conferencesInWindow({ start: 0, end: 25 }, 25, 10)).toBe(1);
  });

  it('starts stay on the five-minute grid: 12-minute conferences take 15 minutes each', () => {
    // Starts at 0, 15, 30, 45 (the last ends at 57); a fifth would start at 60 and end at 72.
    expect(conferencesInWindow({ start: 0, end: 60 }, 12, 0)).toBe(4);
  });

  it('the sidebar tells a school what its changeover costs in words', () => {
    expect(windowEffect(25, 5)).toBe(
      'A 4-hour window holds 8 with 5 minutes between a teacher’s own conferences, 9 with none (per family at once).',
    );
    expect(windowEffect(25, 0)).toBe(
      'A 4-hour window holds 9 with no pause between a teacher’s own conferences (per family at once).',
    );
  });
});
