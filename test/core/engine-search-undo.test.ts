/**
 * The search after the first schedule: it takes a few families out, puts them back in another
 * order and keeps the result only when it costs no more. What a family sees of it: nobody
 * placed by the first schedule is left out by a try the search throws away. Every schedule is
 * judged by the independent checker first.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import { DAY, plainFamily, problem, win } from './schedproblem';

describe('buildSchedule: the search', () => {
  it('puts back where they were the families of a try that left someone out', () => {
    // Ms. A and Mr. B are there from 3:00 to 6:00 PM, 20-minute conferences. The Diazes can
    // come at 3:00 only, the Lees from 3:00 to 4:00; the Parks have twins with Mr. B. Places
    // are plenty, so everyone is seen, the Diazes at 3:00 with Ms. A. The search takes families
    // out and puts them back in a random order; a try in which the Diazes' 3:00 went to
    // another family is undone, not kept with the Diazes left out.
    const p = problem({
      windows: [win('a@s', 900, 1080), win('b@s', 900, 1080)],
      students: [
        { id: 'ana', name: 'Ana', teacherEmail: 'a@s', familyId: 'garcia' },
        { id: 'jin', name: 'Jin', teacherEmail: 'b@s', familyId: 'park' },
        { id: 'min', name: 'Min', teacherEmail: 'b@s', familyId: 'park' },
        { id: 'eva', name: 'Eva', teacherEmail: 'a@s', familyId: 'ortiz' },
        { id: 'cy', name: 'Cy', teacherEmail: 'a@s', familyId: 'diaz' },
        { id: 'ben', name: 'Ben', teacherEmail: 'b@s', familyId: 'lee' },
      ],
      families: [
        plainFamily('garcia'),
        plainFamily('park'),
        plainFamily('ortiz'),
        { ...plainFamily('diaz'), availability: [{ date: DAY, start: 900, end: 920, rank: 1 }] },
        { ...plainFamily('lee'), availability: [{ date: DAY, start: 900, end: 960, rank: 1 }] },
      ],
      seed: 81,
    });
    const s = buildSchedule(p);
    expect(checkSchedule(p, s)).toEqual([]);
    expect(s.unplaced).toEqual([]);
    expect(s.conferences).toHaveLength(6);
    const diaz = s.conferences.find((c) => c.familyId === 'diaz')!;
    expect([diaz.teacherEmail, diaz.start]).toEqual(['a@s', 900]);
  });
});
