/**
 * Why a student is left out, as the Waitlist sheet and the sidebar say it: each reason on a
 * small school where only that one can be the cause, the schedule judged by the checker.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import type { Problem, SchedFamily } from '../../src/core/schedule/types';
import { DAY, keptConference, problem, win } from './schedproblem';

/** A family who can come from 3:00 to 3:20 PM only: one 20-minute conference fits. */
const threeToTwenty = (id: string, more: Partial<SchedFamily> = {}): SchedFamily => ({
  id,
  name: id.toUpperCase(),
  availability: [{ date: DAY, start: 900, end: 920, rank: 1 }],
  interpreter: '',
  ...more,
});

/**
 * Ana Garcia with Ms. A and Ben Lee with Mr. B, each family free at 3:00 PM only: something the
 * two families share (an interpreter, a contact) leaves one out.
 */
const anaAndBenAtThree = (
  garcia: Partial<SchedFamily>,
  lee: Partial<SchedFamily>,
  interpreters: Problem['interpreters'] = {},
): Problem =>
  problem({
    windows: [win('a@s', 900, 960), win('b@s', 900, 960)],
    students: [
      { id: 'ana', name: 'Ana', teacherEmail: 'a@s', familyId: 'garcia' },
      { id: 'ben', name: 'Ben', teacherEmail: 'b@s', familyId: 'lee' },
    ],
    families: [
      threeToTwenty('garcia', { name: 'Garcia', ...garcia }),
      threeToTwenty('lee', { name: 'Lee', ...lee }),
    ],
    interpreters,
  });

/** Who is left out and why, the schedule first judged by the independent checker. */
function leftOut(p: Problem): { studentId: string; reason: string }[] {
  const s = buildSchedule(p);
  expect(checkSchedule(p, s)).toEqual([]);
  return s.unplaced;
}

/** The one student left out, and why. */
function theOneLeftOut(p: Problem): { studentId: string; reason: string } {
  const out = leftOut(p);
  expect(out).toHaveLength(1);
  return out[0]!;
}

describe('buildSchedule: why a student is left out', () => {
  it('says the teacher’s windows are too short for one conference', () => {
    // Ms. A's only window is fifteen minutes; a conference takes twenty.
    const p = problem({
      windows: [win('a@s', 900, 915)],
      students: [{ id: 'ana', name: 'Ana', teacherEmail: 'a@s', familyId: 'garcia' }],
      families: [{ id: 'garcia', name: 'Garcia', availability: null, interpreter: '' }],
    });
    expect(leftOut(p)).toEqual([
      { studentId: 'ana', reason: "a's windows are too short for a 20-minute conference." },
    ]);
  });

  it('says every time that suits the family is taken when the teacher still has places', () => {
    // Ms. A has three places from 3:00 to 4:00 PM; a kept conference holds 3:00, the one time
    // the Garcias can come.
    const kept = keptConference('cy', 'ruiz', 'a@s', 900, 920);
    const p = problem({
      windows: [win('a@s', 900, 960)],
      students: [
        { id: 'ana', name: 'Ana', teacherEmail: 'a@s', familyId: 'garcia' },
        { id: 'cy', name: 'Cy', teacherEmail: 'a@s', familyId: 'ruiz' },
      ],
      families: [threeToTwenty('garcia', { name: 'Garcia' }), threeToTwenty('ruiz')],
      fixed: [kept],
    });
    expect(leftOut(p)).toEqual([
      {
        studentId: 'ana',
        reason:
          'Every time that suits the Garcia family with a is taken. Ask the family for more times, or add a window.',
      },
    ]);
  });

  it('names the language when its interpreters are all busy at the only time a family can come', () => {
    // Two Spanish-speaking families with different teachers, both free at 3:00 PM only; one
    // interpreter.
    const p = anaAndBenAtThree({ interpreter: 'es' }, { interpreter: 'es' }, { es: 1 });
    const out = theOneLeftOut(p);
    const teacher = out.studentId === 'ana' ? 'a' : 'b';
    expect(out.reason).toBe(
      `No es interpreter is free when ${teacher} has room (1 at once). Add interpreters in Settings, or a window at another time.`,
    );
  });

  it('points at a contact two families share when that is what clashes', () => {
    // The Garcias and the Lees have the same caseworker, who cannot be in two rooms at 3:00 PM.
    const p = anaAndBenAtThree({ contacts: ['g@x', 'case@x'] }, { contacts: ['l@x', 'case@x'] });
    const out = theOneLeftOut(p);
    const [teacher, family] = out.studentId === 'ana' ? ['a', 'Garcia'] : ['b', 'Lee'];
    expect(out.reason).toBe(
      `The times ${teacher} has left clash with the ${family} family's other conferences (or those of a contact it shares with another family). Move a sibling's conference, or add a window.`,
    );
  });

  it('counts a room for two and the kept conferences when it says the windows are full', () => {
    // Ms. A's room holds two families at once from 3:00 to 3:40 PM: four places. One is held by
    // a kept conference, and four more students are hers.
    const kept = keptConference('k', 'fk', 'a@s', 900, 920);
    const p = problem({
      // Mr. B, next door, has room to spare: his places are not hers.
      windows: [win('a@s', 900, 940, 2), win('b@s', 900, 1000)],
      students: ['k', 's1', 's2', 's3', 's4', 'b1'].map((id) => ({
        id,
        name: id,
        teacherEmail: id === 'b1' ? 'b@s' : 'a@s',
        familyId: `f${id}`,
      })),
      families: ['k', 's1', 's2', 's3', 's4', 'b1'].map((id) => ({
        id: `f${id}`,
        name: id,
        availability: null,
        interpreter: '',
      })),
      fixed: [kept],
    });
    const out = theOneLeftOut(p);
    expect(out.reason).toBe(
      "a's windows are full: 5 conferences for 4 places. Add a window or raise the capacity (families at once).",
    );
  });

  it('blames only the family’s own conferences when it shares no contact with another family', () => {
    // Twins with Ms. A, not merged, in a room for two; the Garcias list their own addresses and
    // can come from 3:00 to 3:20 PM only.
    const p = problem({
      windows: [win('a@s', 900, 960, 2)],
      students: [
        { id: 'ana', name: 'Ana', teacherEmail: 'a@s', familyId: 'garcia' },
        { id: 'cleo', name: 'Cleo', teacherEmail: 'a@s', familyId: 'garcia' },
      ],
      families: [threeToTwenty('garcia', { name: 'Garcia', contacts: ['mum@g', 'dad@g'] })],
    });
    const out = theOneLeftOut(p);
    expect(out.reason).toBe(
      "The times a has left clash with the Garcia family's other conferences. Move a sibling's conference, or add a window.",
    );
  });

  it('names the teacher whose times could not be read, every row of theirs', () => {
    // Mr. Bad's two rows on the Teachers sheet were refused; he has no window left.
    const p = problem({
      windows: [win('a@s', 900, 960)],
      refusedWindows: [
        { teacherEmail: 'bad@s', teacher: 'Mr. Bad', row: 3 },
        { teacherEmail: 'bad@s', teacher: 'Mr. Bad', row: 5 },
      ],
      students: [{ id: 'ana', name: 'Ana', teacherEmail: 'bad@s', familyId: 'garcia' }],
      families: [{ id: 'garcia', name: 'Garcia', availability: null, interpreter: '' }],
    });
    expect(leftOut(p)).toEqual([
      {
        studentId: 'ana',
        reason: "Mr. Bad's conference times could not be read: see Teachers rows 3, 5.",
      },
    ]);
  });
});
