/**
 * Invites cut off at any service call, the even-numbered calls (the odd ones are in
 * invites-cut-odd.test.ts), and a catchable Google error at a sample of calls.
 */
import type { JobProgress, Result } from '../../src/shared/api';
import {
  copyOf,
  cutAtEveryCall,
  picture,
  runJob,
  scheduled,
  uninterrupted,
} from './invites.fixture';
import { failAt } from './cut';

describe('Cut off at any service call', () => {
  it('a 50-conference sync interrupted at an even call k, then run to the end, ends exactly as an uninterrupted one', () => {
    cutAtEveryCall(0, 2);
  }, 600_000);

  it('a Google error at a call (one the script could catch) is reported, and the next run finishes with nothing duplicated', () => {
    const template = scheduled(20);
    const { total, want } = uninterrupted(template);
    for (let k = 0; k < total; k += 9) {
      const school = copyOf(template);
      // failAt proves the error was raised at call k (it throws when the run never got there).
      failAt(school.emulator.ws, k, 'Service error: Calendar', () => {
        const first = school.bundle.callFromClient('runJob', ['invites']) as Result<JobProgress>;
        if (!first.ok) expect(first.error.message).toContain('Nothing done so far was lost');
      });
      runJob(school, 'invites');
      if (JSON.stringify(picture(school)) !== JSON.stringify(want))
        throw new Error(`differs after an error at call ${k} of ${total}`);
    }
  }, 120_000);
});
