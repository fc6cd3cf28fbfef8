/** Invites cut off at any service call: the odd-numbered calls (see invites-cut-even.test.ts). */
import { cutAtEveryCall } from './invites.fixture';

describe('Cut off at any service call', () => {
  it('a 50-conference sync interrupted at an odd call k, then run to the end, ends exactly as an uninterrupted one', () => {
    cutAtEveryCall(1, 2);
  }, 600_000);
});
