/**
 * The sample school (the one the preview and the demo use) as a scheduling Problem, read through
 * the same parsing the add-on uses: its windows are an evening of 4½ hours and a morning of 4,
 * so unlike the generated instances they are not cut to the engine's grid.
 */
import { parseRoster } from '../src/core/roster';
import { buildProblem, readAvailability, readScheduleSheet } from '../src/core/schedule/sheet';
import type { Problem } from '../src/core/schedule/types';
import { defaultSettings } from '../src/core/settings';
import { parseTeachers } from '../src/core/teachers';
import { sampleSchool } from '../sample/school';

const wall = (d: Date) => ({
  year: d.getUTCFullYear(),
  month: d.getUTCMonth() + 1,
  day: d.getUTCDate(),
  hour: d.getUTCHours(),
  minute: d.getUTCMinutes(),
});

export function sampleProblem(students: number, teachers: number): Problem {
  const school = sampleSchool({ students, teachers });
  const parsedTeachers = parseTeachers([school.teachers.header, ...school.teachers.rows], wall);
  const roster = parseRoster(
    [school.roster.header, ...school.roster.rows],
    parsedTeachers.teachers,
  );
  const availability = readAvailability(
    [school.availability.header, ...school.availability.rows],
    roster,
    wall,
  );
  return buildProblem({
    roster,
    windows: parsedTeachers.windows,
    settings: defaultSettings('Lincoln', 'UTC'),
    availability: availability.byFamily,
    paperAvailability: availability.paper,
    sheet: readScheduleSheet([], wall, []),
    seed: 20261,
  }).problem;
}
