/**
 * A tester's walk (session 34): two editors of one spreadsheet, one starting the next round while
 * the other's job of this round is part-way. A reproduction, failing today (it.failing).
 */
import { openSchool } from '../../preview/school';
import type { JobProgress, Result, SettingsView } from '../../src/shared/api';
import { parseRoster } from '../../src/core/roster';

type School = ReturnType<typeof openSchool>;
const A = 'coordinator@lincoln.school.example';
const B = 'rivera@lincoln.school.example';

function chunk(s: School, user: string, job: string): JobProgress {
  const r = s.bundle.callFromClient('runJob', [job], { user }) as Result<JobProgress>;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('tester: a round started by B while A asks the families', () => {
  // FAILS today (tester, session 34): A's "Ask families when they can come" stops part-way (first
  // chunk: 56 of 85 families). B saves Settings with the round Spring. A's next click resumes the
  // saved cursor (src/workspace/jobs.ts runChunk keeps it whatever the round) under Spring: the 56
  // families asked minutes before are emailed the same request again (73 addresses twice), the
  // run ends "Asked 141 families" of 85, and fall's asking is left unfinished without a word.
  it.failing(
    'no family is emailed the request twice in one run, and the count is of families',
    () => {
      const s = openSchool({ students: 120 });
      for (const job of ['setup', 'forms']) for (let i = 0; i < 40 && !chunk(s, A, job).done; i++);
      const families = parseRoster(
        s.emulator.spreadsheet.sheetByName('Roster')!.values(),
        null,
      ).families.filter((f) => f.rows.length > 0);
      const first = chunk(s, A, 'ask');
      expect(first.done).toBe(false); // the run stops part-way, as on a slow day
      const view = s.bundle.callFromClient('getSettings', [], { user: B }) as Result<SettingsView>;
      if (!view.ok) throw new Error(view.error.message);
      s.bundle.callFromClient('saveSettings', [{ ...view.value.settings, roundName: 'Spring' }], {
        user: B,
      });
      let last = first;
      for (let i = 0; i < 40 && !last.done; i++) last = chunk(s, A, 'ask');
      const to = s.emulator.mail.sent.map((m) => m.to.join());
      expect(to.length - new Set(to).size).toBe(0);
      const asked = Number(/Asked (\d+) famil/.exec(last.message)?.[1] ?? 0);
      expect(asked).toBeLessThanOrEqual(families.length);
    },
  );
});
