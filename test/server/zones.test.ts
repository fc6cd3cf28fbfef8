/**
 * The spreadsheet's time zone under both answers to an unsettled question (docs/EMULATOR.md
 * row 53): Apps Script's runtime knows every IANA zone, or its time-zone data lacks the school's
 * (`emulator.runtimeZones`). Lacking it, no job may stop; the sidebar names the zone.
 */
import { openSchool } from '../../preview/school';
import type { Overview } from '../../src/shared/api';
import { ok, run } from './calls';

/** The sample school's zone (preview/school.ts). */
const ZONE = 'America/New_York';

function zoneWarnings(o: Overview) {
  return o.steps.flatMap((st) => st.problems).filter((p) => p.message.includes(`"${ZONE}"`));
}

describe.each([
  { runtime: 'knows the zone', lacks: false },
  { runtime: 'lacks the zone', lacks: true },
])("the runtime's time-zone data $runtime", ({ lacks }) => {
  test('set-up, the schedule and the overview all finish; a missing zone is named', () => {
    const s = openSchool({ students: 12 });
    if (lacks) s.emulator.runtimeZones.missing.add(ZONE);
    expect(run(s, 'setup').done).toBe(true);
    expect(run(s, 'schedule').done).toBe(true);
    // Every student of the Roster has a conference row in the Schedule, either way.
    const doc = s.emulator.spreadsheet;
    const students = doc.sheetByName('Roster')!.lastRow() - 1;
    expect(doc.sheetByName('Schedule')!.lastRow() - 1).toBe(students);
    const o = ok<Overview>(s.bundle.callFromClient('getOverview', []));
    const warnings = zoneWarnings(o);
    if (lacks) {
      expect(warnings).toHaveLength(1);
      expect(warnings[0]!.severity).toBe('warning');
      expect(warnings[0]!.message).toContain('UTC');
      expect(o.steps[0]!.problems[0]).toBe(warnings[0]);
    } else expect(warnings).toEqual([]);
  });
});
