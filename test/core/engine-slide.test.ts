/**
 * A teacher's day closed up when each conference is followed by a changeover (the minutes a
 * teacher needs between two families): the block of conferences beside an idle stretch slides
 * across it, each one's changeover travelling with it, and the teacher's idle minutes are
 * those with nobody in the room and no changeover running, as the README counts them. Each
 * schedule is judged by the independent checker first; what is expected comes from the
 * fixture's hours.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import type { Problem } from '../../src/core/schedule/types';
import { DAY, keptConference, plainFamily, problem, win } from './schedproblem';

/** A family that can come, as a first choice, from `start` to `end` on DAY. */
const canCome = (id: string, start: number, end: number) => ({
  ...plainFamily(id),
  availability: [{ date: DAY, start, end, rank: 1 }],
});

const pupil = (id: string, familyId: string) => ({
  id,
  name: id,
  teacherEmail: 'a@s',
  familyId,
});

/** Each family's conference as its start, after the checker has found nothing wrong. */
function startsOf(p: Problem, iterations?: number) {
  const s = buildSchedule(p, iterations === undefined ? {} : { iterations });
  expect(checkSchedule(p, s)).toEqual([]);
  expect(s.unplaced).toEqual([]);
  return { starts: Object.fromEntries(s.conferences.map((c) => [c.familyId, c.start])), s };
}

describe('buildSchedule: a teacher’s day with changeovers closed up', () => {
  it('moves an earlier family later, up to the changeover before the next', () => {
    // Ms. A is there 3:00 to 4:00 PM; 20-minute conferences and 5 minutes between families.
    // The Ngs can come only from 3:35; the Lees any time. Seeing the Lees at 3:00 would leave
    // Ms. A idle from 3:25 (their conference and its changeover over) to 3:35: the Lees are
    // seen later, so that their changeover ends as the Ngs come. Without the search (as on an
    // evening planned in blocks, where it does not run) this is the closing up alone.
    const p = problem({
      windows: [win('a@s', 900, 960)],
      students: [pupil('ben', 'lee'), pupil('mai', 'ng')],
      families: [canCome('lee', 900, 960), canCome('ng', 935, 960)],
      changeoverMinutes: 5,
    });
    for (const iterations of [0, undefined]) {
      const { starts, s } = startsOf(p, iterations);
      expect(starts.lee! + 20 + 5).toBe(starts.ng);
      expect(s.quality.idleMinutes).toBe(0);
    }
  });

  it('closes one idle stretch after another, every changeover kept', () => {
    // Ms. A is there 3:00 to 6:00 PM; 20-minute conferences and 5 minutes between families.
    // The Lees can come from 5:20, the Ngs from 4:20 to 5:00; the Parks and the Ortizes any
    // time. Placed one family at a time the day has idle stretches; closed up, the four follow
    // each other 25 minutes apart and Ms. A is never idle.
    const p = problem({
      windows: [win('a@s', 900, 1080)],
      students: [
        pupil('ben', 'lee'),
        pupil('mai', 'ng'),
        pupil('jin', 'park'),
        pupil('eva', 'ortiz'),
      ],
      families: [
        canCome('lee', 1040, 1100),
        canCome('ng', 980, 1020),
        plainFamily('park'),
        plainFamily('ortiz'),
      ],
      changeoverMinutes: 5,
      seed: 65,
    });
    const { s } = startsOf(p, 0);
    const starts = s.conferences.map((c) => c.start);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBe(25);
    expect(s.quality.idleMinutes).toBe(0);
  });

  it('leaves a teacher idle rather than make a family wait longer', () => {
    // Ms. A is there 3:00 to 5:00 PM; 20-minute conferences, a 5-minute walk. The Yangs' Yi is
    // kept with Mr. C at 3:00 and the Xus' Xia with Mr. B at 3:50. The Yangs can come to Ms. A
    // 3:25 to 4:05, the Xus 3:00 to 3:45, the Zhous 4:05 to 4:25 only. The Yangs see Ms. A at
    // 3:25, right after Yi's conference; the Xus before them, at 3:05, and wait for Mr. B. Ms.
    // A then sits idle 3:45 to 4:05. Moving the Xus and the Yangs 20 minutes later would close
    // that and spare the Xus their wait, but make the Yangs wait 20 minutes instead: the
    // closing up does not do it. (Without the search, as on an evening planned in blocks: the
    // search weighs a family's wait against the teacher's idle minutes and may trade them.)
    const p = problem({
      windows: [win('a@s', 900, 1020)],
      students: [
        pupil('xia', 'xu'),
        { ...pupil('xin', 'xu'), teacherEmail: 'b@s' },
        pupil('yan', 'yang'),
        { ...pupil('yi', 'yang'), teacherEmail: 'c@s' },
        pupil('zoe', 'zhou'),
      ],
      families: [canCome('xu', 900, 945), canCome('yang', 925, 965), canCome('zhou', 965, 985)],
      fixed: [
        keptConference('xin', 'xu', 'b@s', 950, 970),
        keptConference('yi', 'yang', 'c@s', 900, 920),
      ],
    });
    const { starts, s } = startsOf(p, 0);
    const yan = s.conferences.find((c) => c.studentIds.includes('yan'))!;
    expect(yan.start).toBe(925);
    expect(starts.zhou).toBe(965);
    expect(s.quality.idleMinutes).toBe(20);
  });
});
