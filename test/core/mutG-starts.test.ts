/**
 * Where the engine starts a conference among the free starts of a teacher's evening, on small
 * schools where every plan places everyone at their first choice with no family waiting: there
 * the search has nothing to improve, so these choices are what the school gets. A teacher's
 * evening starts when her window does, her families follow one another with only the changeover
 * between, a room that holds two families at once still sees them one after the other when there
 * is time, and the minutes too short for anyone are left at a window's edge rather than between
 * two families. Each schedule is judged by the independent checker first; what is expected comes
 * from the fixture's hours.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import type { Problem, SchedFamily } from '../../src/core/schedule/types';
import { DAY, idleMinutes, keptConference, plainFamily, problem, win } from './schedproblem';

function scheduled(p: Problem) {
  const s = buildSchedule(p);
  expect(checkSchedule(p, s)).toEqual([]);
  expect(s.unplaced).toEqual([]);
  return s;
}

/** A family that can come any time from 3:00 to 6:20 PM (so the evening is not planned as blocks). */
const anyTime = (id: string): SchedFamily => ({
  ...plainFamily(id),
  availability: [{ date: DAY, start: 900, end: 1100, rank: 1 }],
});

/** A student of Ms. A's (or the teacher named), alone in their family unless one is named. */
const pupil = (id: string, familyId = id, teacherEmail = 'a@s') => ({
  id,
  name: id,
  teacherEmail,
  familyId,
});

/** Each conference as `student start`, in time order. */
const starts = (s: ReturnType<typeof buildSchedule>) =>
  s.conferences.map((c) => `${c.studentIds.join('+')} ${c.start}`);

describe('buildSchedule: where a teacher’s evening starts and how it fills', () => {
  it('starts a lone family’s conference when the teacher’s window opens', () => {
    const w = win('a@s', 900, 1000);
    const s = scheduled(
      problem({ windows: [w], students: [pupil('ana')], families: [anyTime('ana')] }),
    );
    expect(starts(s)).toEqual([`ana ${w.start}`]);
  });

  it('sees two families one after the other from the window’s start, the changeover between', () => {
    const w = win('a@s', 900, 1000);
    const p = problem({
      windows: [w],
      changeoverMinutes: 5,
      students: [pupil('ana'), pupil('kim')],
      families: [anyTime('ana'), anyTime('kim')],
    });
    const s = scheduled(p);
    expect(s.conferences.map((c) => c.start)).toEqual([w.start, w.start + 20 + 5]);
    expect(idleMinutes(p, s)).toBe(0);
  });

  it('sees two families one after the other in a room that holds two at once, when the teacher has the time', () => {
    const w = win('a@s', 900, 1000, 2);
    const s = scheduled(
      problem({
        windows: [w],
        students: [pupil('ana'), pupil('kim')],
        families: [anyTime('ana'), anyTime('kim')],
      }),
    );
    expect(s.conferences.map((c) => c.start)).toEqual([w.start, w.start + 20]);
  });

  it('fills the place before a conference kept at 3:20 PM, so the teacher’s evening starts at 3:00', () => {
    const p = problem({
      windows: [win('a@s', 900, 1000)],
      students: [pupil('ana'), pupil('kim')],
      families: [plainFamily('ana'), plainFamily('kim')],
      fixed: [keptConference('kim', 'kim', 'a@s', 920, 940)],
    });
    expect(starts(scheduled(p))).toEqual(['ana 900', 'kim 920']);
  });

  it('puts a family right before a conference kept at 3:30 PM, leaving the 10 minutes too short for anyone at the window’s start', () => {
    // The Kims' conference is kept at 3:30 PM in Ms. A's 3:00 to 4:40 PM window: Ana right
    // before it leaves 3:00 to 3:10 unused, right after it a stretch that still holds two.
    const p = problem({
      windows: [win('a@s', 900, 1000)],
      students: [pupil('ana'), pupil('kim')],
      families: [plainFamily('ana'), plainFamily('kim')],
      fixed: [keptConference('kim', 'kim', 'a@s', 930, 950)],
    });
    const s = scheduled(p);
    expect(starts(s)).toEqual(['ana 910', 'kim 930']);
    expect(idleMinutes(p, s)).toBe(0);
  });

  it('puts a family right after a conference kept at 3:50 PM, leaving the 10 minutes too short for anyone at the window’s end', () => {
    // Ms. A is free 3:00 to 4:40 PM; Ana at 3:00 would leave her idle until the Kims' 3:50.
    const p = problem({
      windows: [win('a@s', 900, 1000)],
      students: [pupil('ana'), pupil('kim')],
      families: [plainFamily('ana'), plainFamily('kim')],
      fixed: [keptConference('kim', 'kim', 'a@s', 950, 970)],
    });
    const s = scheduled(p);
    expect(starts(s)).toEqual(['kim 950', 'ana 970']);
    expect(idleMinutes(p, s)).toBe(0);
  });

  it('with a 5-minute changeover, sees a family right after a conference kept at 3:35 PM', () => {
    // Ms. A is free 3:00 to 4:40 PM. After the Kims' conference and the changeover, Ana at 4:00
    // leaves 15 minutes at the window's end; right before the Kims she would leave 10 at its
    // start. Both are too short for anyone: the engine keeps the evening's start.
    const p = problem({
      windows: [win('a@s', 900, 1000)],
      changeoverMinutes: 5,
      students: [pupil('ana'), pupil('kim')],
      families: [plainFamily('ana'), plainFamily('kim')],
      fixed: [keptConference('kim', 'kim', 'a@s', 935, 955)],
    });
    const s = scheduled(p);
    expect(starts(s)).toEqual(['kim 935', 'ana 960']);
    expect(idleMinutes(p, s)).toBe(0);
  });
});

describe('buildSchedule: a teacher’s wait after a kept conference (a known defect)', () => {
  // Fails today: Ana is put at 4:20 PM, the window's end, and Ms. A waits an hour after the
  // Kims. A start beside a long free stretch is priced as a place another family may still use,
  // below the 10 idle minutes a start at 3:30 leaves; the search re-places Ana by the same
  // prices, and the compaction closes only the gaps between conferences it placed itself, not
  // those after a kept one. The engine's own cost says 3:30 is better (10 idle minutes against
  // 60).
  it.failing(
    'sees a family as soon as it can come after a conference kept at 3:00 PM, so the teacher waits as little as she must',
    () => {
      const p = problem({
        windows: [win('a@s', 900, 1000)],
        students: [pupil('ana'), pupil('kim')],
        families: [
          { ...plainFamily('ana'), availability: [{ date: DAY, start: 930, end: 1000, rank: 1 }] },
          plainFamily('kim'),
        ],
        fixed: [keptConference('kim', 'kim', 'a@s', 900, 920)],
      });
      const s = scheduled(p);
      expect(starts(s)).toEqual(['kim 900', 'ana 930']);
      expect(idleMinutes(p, s)).toBe(930 - 920);
    },
  );
});
