/**
 * Two of the engine's quieter steps, each seen by a family or a teacher: a family of two sent to
 * one evening rather than two when its siblings' starts are weighed together (placeBestOption),
 * and a teacher's day closed up at its end though an earlier pause in it cannot be (compact).
 * Each school was found by running an engine with that step changed against this one on random
 * schools of one to three teachers over one or two evenings, then cut down to the fewest rows
 * that still show it. Every schedule is judged by the independent checker first.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule } from '../../src/core/schedule/engine';
import type { Problem, SchedFamily, SchedStudent } from '../../src/core/schedule/types';
import { DAY, plainFamily, problem, win } from './schedproblem';

const WEDNESDAY = '2026-11-18';

const student = (id: string, teacherEmail: string, familyId: string): SchedStudent => ({
  id,
  name: id,
  teacherEmail,
  familyId,
});

const canCome = (id: string, ...times: [string, number, number][]): SchedFamily => ({
  ...plainFamily(id),
  availability: times.map(([date, start, end]) => ({ date, start, end, rank: 1 })),
});

function scheduled(p: Problem) {
  const s = buildSchedule(p);
  expect(checkSchedule(p, s)).toEqual([]);
  return s;
}

describe('buildSchedule: a family of two kept to one evening', () => {
  // Ms. A is there on Tuesday from 3:10 to 4:55 PM, Ms. C from 3:15 to 4:55; Mr. B on Tuesday
  // from 3:10 to 4:25 and on Wednesday from 3:05 to 4:25. 15-minute conferences, a 10-minute
  // walk between rooms, a 5-minute changeover. The Diazes (Dan with Mr. B, Dee with Ms. C) can
  // come on Wednesday from 3:05 to 3:35 or on Tuesday from 3:45 to 4:30, both first choices; Ms.
  // C has no Wednesday, so only Tuesday holds both of their conferences: Dee at 3:45 and Dan at
  // 4:10, say, with the Evanses (Eli with Mr. B, Eva with Ms. A, Tuesday 3:25 to 4:25) at 3:25
  // and 3:50 and the Foxes (Flo with Ms. C, Tuesday 4:25 to 4:40) at 4:25. The engine weighs
  // each option for the Diazes with what each sibling's start costs the teachers' days; with
  // Dan's part subtracted instead (`cost -= startBias(pick, …)` in placeBestOption, applied by
  // hand), Dan was seen on Wednesday and the Diazes came on two evenings, on every seed 1–8.
  const p = (seed: number) =>
    problem({
      seed,
      windows: [
        win('a@s', 910, 1015),
        win('b@s', 910, 985),
        { ...win('b@s', 905, 985), date: WEDNESDAY },
        win('c@s', 915, 1015),
      ],
      conferenceMinutes: 15,
      bufferMinutes: 10,
      changeoverMinutes: 5,
      students: [
        student('dan', 'b@s', 'diaz'),
        student('dee', 'c@s', 'diaz'),
        student('eli', 'b@s', 'evans'),
        student('eva', 'a@s', 'evans'),
        student('flo', 'c@s', 'fox'),
      ],
      families: [
        canCome('diaz', [WEDNESDAY, 905, 935], [DAY, 945, 990]),
        canCome('evans', [DAY, 925, 985]),
        canCome('fox', [DAY, 985, 1000]),
      ],
    });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'sees everyone, the Diazes both on Tuesday (seed %i)',
    (seed) => {
      const s = scheduled(p(seed));
      expect(s.unplaced).toEqual([]);
      const diaz = s.conferences.filter((c) => c.familyId === 'diaz');
      expect(diaz).toHaveLength(2);
      expect(diaz.map((c) => c.date)).toEqual([DAY, DAY]);
    },
  );
});

describe('buildSchedule: a teacher’s day closed up past a pause that stays', () => {
  // Ms. A is there from 3:15 to 5:15 PM, Mr. C from 3:05 to 4:20; 20-minute conferences, no
  // walk between rooms, no changeover. The Itos (Ian with Mr. C, Ivy with Ms. A) gave no
  // times; the Hills (Hal with Ms. A, Hana and Hugo with Mr. C) can come from 3:35 to 4:25;
  // the Grays (Gil with Ms. A) from 4:35 to 5:05. Ms. A's day has a pause the Hills' times
  // hold open (Hal comes after his sister's conference with Mr. C) and then one before Gil:
  // once Ms. A's other families are done, Gil is seen as soon as the Grays can come. With
  // closeGap saying it closed every gap (`return false` as `true`, applied by hand) the
  // compaction never went past the first pause, and Gil was seen at 4:40 on every seed 1–8.
  const p = (seed: number) =>
    problem({
      seed,
      windows: [win('a@s', 915, 1035), win('c@s', 905, 980)],
      conferenceMinutes: 20,
      bufferMinutes: 0,
      changeoverMinutes: 0,
      students: [
        student('gil', 'a@s', 'gray'),
        student('hal', 'a@s', 'hill'),
        student('hana', 'c@s', 'hill'),
        student('hugo', 'c@s', 'hill'),
        student('ian', 'c@s', 'ito'),
        student('ivy', 'a@s', 'ito'),
      ],
      families: [
        canCome('gray', [DAY, 995, 1025]),
        canCome('hill', [DAY, 935, 985]),
        plainFamily('ito'),
      ],
    });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'sees Gil as soon as both Ms. A and the Grays can (seed %i)',
    (seed) => {
      const s = scheduled(p(seed));
      const gil = s.conferences.find((c) => c.studentIds.includes('gil'))!;
      expect(gil).toBeDefined();
      // Ms. A's conference before Gil's, if any: Gil starts when it ends or when the Grays come.
      const before = s.conferences
        .filter((c) => c.teacherEmail === 'a@s' && c.end <= gil.start)
        .reduce((last, c) => Math.max(last, c.end), 0);
      expect(gil.start).toBe(Math.max(995, before));
    },
  );
});

describe('buildSchedule: a teacher’s day laid again with a family of three in it', () => {
  // Ms. A has a room for two families at once on Tuesday, 3:05 to 4:45 PM, and a room for one
  // on Wednesday, 3:15 to 4:10; Mr. B is there on Wednesday, 3:15 to 4:45. 20-minute
  // conferences, no walk, no changeover. The Lopezes (Lia with Ms. A) can come on Wednesday
  // from 3:50 to 4:30; the Morenos (Max and Mia with Ms. A, Milo with Mr. B) on Tuesday from
  // 3:40 to 4:20 and on Wednesday from 3:40 to 4:25; the Nashes (Ned with Ms. A) on Tuesday
  // from 4:10 to 4:55. Everyone can be seen: Lia on Wednesday at 3:50, Milo on Wednesday at
  // 3:55, Max and Mia on Tuesday at 3:40 and 4:00, Ned on Tuesday at 4:20. The engine gets
  // there only by laying a teacher's whole day again, packed (with the whole-day try, or its
  // packing, turned off by hand, Lia or Mia was left out too); with a family of several
  // children packed as if it had one (`own.length === 1` made `true` in packDay, applied by
  // hand: Max seated, Mia and Milo not put back), Lia or Mia was left out on every seed 1–8.
  const p = (seed: number) =>
    problem({
      seed,
      windows: [
        win('a@s', 905, 1005, 2),
        { ...win('a@s', 915, 970), date: WEDNESDAY },
        { ...win('b@s', 915, 1005), date: WEDNESDAY },
      ],
      conferenceMinutes: 20,
      bufferMinutes: 0,
      changeoverMinutes: 0,
      students: [
        student('lia', 'a@s', 'lopez'),
        student('max', 'a@s', 'moreno'),
        student('milo', 'b@s', 'moreno'),
        student('mia', 'a@s', 'moreno'),
        student('ned', 'a@s', 'nash'),
      ],
      families: [
        canCome('lopez', [WEDNESDAY, 950, 990]),
        canCome('moreno', [DAY, 940, 980], [WEDNESDAY, 940, 985]),
        canCome('nash', [DAY, 970, 1015]),
      ],
    });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('sees all five children (seed %i)', (seed) => {
    const s = scheduled(p(seed));
    expect(s.unplaced).toEqual([]);
    expect(s.conferences.flatMap((c) => c.studentIds).sort()).toEqual(
      ['lia', 'max', 'mia', 'milo', 'ned'].sort(),
    );
  });
});

describe('buildSchedule: a teacher’s day packed by each family’s last start that day', () => {
  // Ms. A is there on Tuesday and on Wednesday, 3:00 to 4:25 PM, 20-minute conferences, no
  // changeover. The Fords (Finn) can come on Tuesday from 3:40 to 4:05, so start at 3:40 or
  // 3:45; the Grants (Gwen) on Tuesday from 3:25 to 4:00 or on Wednesday from 3:35 to 4:10; the
  // Hales (Hugh) on Wednesday at 3:50 only. All three are seen as Gwen on Tuesday at 3:25, Finn
  // at 3:45 and Hugh on Wednesday at 3:50; Gwen's Wednesday times all clash with Hugh's. The
  // engine gets there by laying Tuesday again, packed, Gwen first (her last Tuesday start,
  // 3:40, comes before Finn's 3:45); with the packing turned off by hand one of them is left
  // out. On the engine at 6e0dbd6, which packed by last start only, the last start read from
  // any day (`c.day === day` made `true` in packDay, applied by hand: Gwen's counts as her
  // Wednesday 3:50, Finn goes first at 3:40) left Finn or Gwen out on every seed 1–8; since
  // d75a532 the packed tries alternate with the drawn order, which seats Gwen first often
  // enough, and that mutant no longer fails here.
  const p = (seed: number) =>
    problem({
      seed,
      windows: [win('a@s', 900, 985), { ...win('a@s', 900, 985), date: WEDNESDAY }],
      conferenceMinutes: 20,
      changeoverMinutes: 0,
      students: [
        student('finn', 'a@s', 'ford'),
        student('gwen', 'a@s', 'grant'),
        student('hugh', 'a@s', 'hale'),
      ],
      families: [
        canCome('ford', [DAY, 940, 965]),
        canCome('grant', [WEDNESDAY, 935, 970], [DAY, 925, 960]),
        canCome('hale', [WEDNESDAY, 950, 970]),
      ],
    });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('sees all three (seed %i)', (seed) => {
    const s = scheduled(p(seed));
    expect(s.unplaced).toEqual([]);
    expect(s.conferences).toHaveLength(3);
  });
});

describe('buildSchedule: a teacher’s day packed on that day', () => {
  // Ms. A is there on Tuesday from 3:00 to 4:15 PM and on Wednesday from 3:00 to 4:10;
  // 20-minute conferences, no changeover. The Ameses (Al) can come on Tuesday from 3:10 to
  // 3:55; the Bakers (Bea and Bo, both with Ms. A) from 3:40 to the end of either day, room
  // for one of them each day; the Coles (Cy) on Tuesday from 3:35 (a second choice) or on
  // Wednesday from 3:30 to 4:05. All four are seen as Al on Tuesday at 3:10 and Bea at 3:40,
  // Cy on Wednesday at 3:30 and Bo at 3:50. The engine gets there by laying Wednesday again
  // (with the packing turned off by hand one child was left out); with a packed family seated
  // at its first free start on any day (`x.day === day` made `true` in packDay's search for a
  // start, applied by hand) one child was left out on every seed 1–8.
  const p = (seed: number) =>
    problem({
      seed,
      windows: [win('a@s', 900, 975), { ...win('a@s', 900, 970), date: WEDNESDAY }],
      conferenceMinutes: 20,
      changeoverMinutes: 0,
      students: [
        student('al', 'a@s', 'ames'),
        student('bea', 'a@s', 'baker'),
        student('bo', 'a@s', 'baker'),
        student('cy', 'a@s', 'cole'),
      ],
      families: [
        canCome('ames', [DAY, 910, 955]),
        canCome('baker', [DAY, 940, 975], [WEDNESDAY, 940, 970]),
        {
          ...plainFamily('cole'),
          availability: [
            { date: DAY, start: 935, end: 975, rank: 2 },
            { date: WEDNESDAY, start: 930, end: 965, rank: 1 },
          ],
        },
      ],
    });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('sees all four (seed %i)', (seed) => {
    const s = scheduled(p(seed));
    expect(s.unplaced).toEqual([]);
    expect(s.conferences.flatMap((c) => c.studentIds).sort()).toEqual(['al', 'bea', 'bo', 'cy']);
  });
});
