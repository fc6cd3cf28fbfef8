/**
 * Families of one teacher who ask for different things get the starts they asked for: the
 * engine works out a teacher's starts once for every family asking the same, so families that
 * differ only in what they gave (no availability against an empty list, the way to meet, two
 * children in one longer conference) must never be given each other's. Every schedule is judged
 * by the independent checker first.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import type { Problem, SchedFamily } from '../../src/core/schedule/types';
import { keptConference, plainFamily, problem, win } from './schedproblem';

function scheduled(p: Problem) {
  const s = buildSchedule(p);
  expect(checkSchedule(p, s)).toEqual([]);
  return s;
}

/** Who of the problem's students has a conference, by student id. */
const seen = (p: Problem) =>
  scheduled(p)
    .conferences.flatMap((c) => c.studentIds)
    .sort();

describe('buildSchedule: the starts of families asking different things of one teacher', () => {
  // The Garcias gave no availability (any time suits them); the Lees answered that no time
  // suits them. Both have a child with Ms. A, who is free all afternoon.
  const garcia = plainFamily('garcia');
  const lee: SchedFamily = { ...plainFamily('lee'), availability: [] };
  const students = {
    garcia: { id: 'ana', name: 'Ana', teacherEmail: 'a@s', familyId: 'garcia' },
    lee: { id: 'li', name: 'Li', teacherEmail: 'a@s', familyId: 'lee' },
  };

  it('sees a family that gave no availability and leaves out one that gave no time, whichever comes first', () => {
    const windows = [win('a@s', 900, 1080)];
    const garciaFirst = problem({
      windows,
      students: [students.garcia, students.lee],
      families: [garcia, lee],
    });
    const leeFirst = problem({
      windows,
      students: [students.lee, students.garcia],
      families: [lee, garcia],
    });
    expect(seen(garciaFirst)).toEqual(['ana']);
    expect(seen(leeFirst)).toEqual(['ana']);
  });

  it('puts each family in a window of the way it asked to meet', () => {
    // Ms. A meets online from 3:00 PM and in person from 4:00 PM, one family at a time.
    const online = { ...win('a@s', 900, 920), mode: 'online' as const };
    const inPerson = { ...win('a@s', 960, 980), mode: 'in person' as const };
    const p = problem({
      windows: [online, inPerson],
      students: [students.garcia, students.lee],
      families: [
        { ...garcia, meet: 'in person' },
        { ...plainFamily('lee'), meet: 'online' },
      ],
    });
    const s = scheduled(p);
    expect(s.unplaced).toEqual([]);
    const startOf = (id: string) => s.conferences.find((c) => c.studentIds.includes(id))?.start;
    expect(startOf('ana')).toBe(960);
    expect(startOf('li')).toBe(900);
  });

  it('leaves out two siblings in one conference when no stretch holds both, rather than run past the window', () => {
    // The Parks' twins share one 40-minute conference with Ms. A; the Garcias need 20 minutes.
    // Ms. A is free 3:00 to 4:00 PM but for the Kims' kept conference, 3:20 to 3:40 PM: the
    // Garcias fit before or after it, the twins nowhere.
    const p = problem({
      windows: [win('a@s', 900, 960)],
      mergeSiblings: true,
      students: [
        students.garcia,
        { id: 'jin', name: 'Jin', teacherEmail: 'a@s', familyId: 'park' },
        { id: 'min', name: 'Min', teacherEmail: 'a@s', familyId: 'park' },
        { id: 'kai', name: 'Kai', teacherEmail: 'a@s', familyId: 'kim' },
      ],
      families: [garcia, plainFamily('park'), plainFamily('kim')],
      fixed: [keptConference('kai', 'kim', 'a@s', 920, 940)],
    });
    expect(seen(p)).toEqual(['ana', 'kai']);
  });
});
