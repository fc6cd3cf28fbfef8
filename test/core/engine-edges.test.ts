/**
 * Where the engine puts a conference when several starts are free: the small biases that keep
 * a teacher's evening without holes (no idle minutes between families, none before the first)
 * and spread a teacher's families over the evenings they come in. Each schedule is judged by
 * the independent checker first; what is expected comes from the fixture's hours.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import type { Problem } from '../../src/core/schedule/types';
import { DAY, idleMinutes, keptConference, plainFamily, problem, win } from './schedproblem';

function scheduled(p: Problem) {
  const s = buildSchedule(p);
  expect(checkSchedule(p, s)).toEqual([]);
  expect(s.unplaced).toEqual([]);
  return s;
}

/** A student of Ms. A's, alone in their family unless one is named. */
const pupil = (id: string, familyId = id) => ({ id, name: id, teacherEmail: 'a@s', familyId });

describe('buildSchedule: where a conference goes among free starts', () => {
  it('puts a family right beside a conference kept mid-evening, leaving the teacher no idle minutes', () => {
    // The Kims' conference is kept at 3:30 PM in Ms. A's 3:00 to 4:40 PM window.
    const p = problem({
      windows: [win('a@s', 900, 1000)],
      students: [pupil('ana'), pupil('kim')],
      families: [plainFamily('ana'), plainFamily('kim')],
      fixed: [keptConference('kim', 'kim', 'a@s', 930, 950)],
    });
    const s = scheduled(p);
    const ana = s.conferences.find((c) => c.studentIds.includes('ana'))!;
    expect(ana.end === 930 || ana.start === 950).toBe(true);
    expect(idleMinutes(p, s)).toBe(0);
  });

  it('sees a new family on the teacher’s emptier evening rather than in her first evening’s last place', () => {
    // Ms. A is free 3:00 to 3:40 PM on the 17th, where the Kims' conference is kept at 3:00,
    // and 3:00 to 4:40 PM on the 18th. The 3:20 place on the 17th would fill that evening to
    // its end; the engine spreads her families over both evenings instead.
    const next = { ...win('a@s', 900, 1000), date: '2026-11-18' };
    const p = problem({
      windows: [win('a@s', 900, 940), next],
      students: [pupil('ana'), pupil('kim')],
      families: [plainFamily('ana'), plainFamily('kim')],
      fixed: [keptConference('kim', 'kim', 'a@s', 900, 920)],
    });
    const ana = scheduled(p).conferences.find((c) => c.studentIds.includes('ana'))!;
    expect(ana.date).toBe(next.date);
  });

  it('weighs each evening’s families against its places: a long evening with one family takes the next before a short one with one', () => {
    // Ms. A is free 3:00 to 6:20 PM on the 17th (ten places, the Kims' kept at 3:00) and 3:00
    // to 3:40 PM on the 18th (two places, the Lees' kept at 3:00).
    const next = { ...win('a@s', 900, 940), date: '2026-11-18' };
    const lee = { ...keptConference('lee', 'lee', 'a@s', 900, 920), date: next.date };
    const p = problem({
      windows: [win('a@s', 900, 1100), next],
      students: [pupil('ana'), pupil('kim'), pupil('lee')],
      families: [plainFamily('ana'), plainFamily('kim'), plainFamily('lee')],
      fixed: [keptConference('kim', 'kim', 'a@s', 900, 920), lee],
    });
    const ana = scheduled(p).conferences.find((c) => c.studentIds.includes('ana'))!;
    expect(ana.date).toBe(DAY);
  });
});
