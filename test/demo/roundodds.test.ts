/**
 * The demo's families do not play every round alike: a later round draws its own picks, and a
 * school's second round sees more families come and answer and more students prepare.
 */
import { roundOdds } from '../../demo/families';

const FAMILIES = Array.from({ length: 400 }, (_, n) => n);

describe('roundOdds', () => {
  const fall = roundOdds(0);
  const spring = roundOdds(1);
  const count = (yes: (n: number) => boolean) => FAMILIES.filter(yes).length;

  it('has more families come, answer and prepare in the second round than in the first', () => {
    for (const odds of ['attends', 'answers', 'prepares'] as const)
      expect({ odds, more: count(spring[odds]) > count(fall[odds]) }).toEqual({ odds, more: true });
    const mean = (rating: (n: number) => number) =>
      FAMILIES.reduce((sum, n) => sum + rating(n), 0) / FAMILIES.length;
    expect(mean(spring.rating)).toBeGreaterThan(mean(fall.rating));
  });

  it('lets some family that came in the first round miss the second', () => {
    expect(FAMILIES.some((n) => fall.attends(n) && !spring.attends(n))).toBe(true);
  });

  it('rates from 3 to 5 in every round', () => {
    for (const odds of [fall, spring, roundOdds(4)])
      for (const n of FAMILIES) expect([3, 4, 5]).toContain(odds.rating(n));
  });
});
