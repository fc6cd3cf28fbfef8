/**
 * What the engine's set-up decides, as the people in the schedule see it: who gets the last
 * place, in what order the construction seats families, why someone is left out. Small schools
 * where one answer is plainly right; every schedule is judged by the independent checker first.
 */
import { checkSchedule } from '../../src/core/schedule/check';
import { buildSchedule, type EngineOptions } from '../../src/core/schedule/engine';
import type { Problem, SchedStudent } from '../../src/core/schedule/types';
import { DAY, keptConference, plainFamily, problem, win } from './schedproblem';

/** The engine's schedule, after the checker has found nothing wrong with it. */
function scheduled(p: Problem, options?: EngineOptions) {
  const s = buildSchedule(p, options);
  expect(checkSchedule(p, s)).toEqual([]);
  return s;
}

/** The students left out, sorted. */
const leftOutIds = (s: { unplaced: { studentId: string }[] }) =>
  s.unplaced.map((u) => u.studentId).sort();

/**
 * Ms. A, 3:00 to 3:40 PM, merging siblings; the Zhous' twins, and the Adamses, free from 3:10 to
 * 3:30 only; and any `more` students.
 */
const twinsOrOne = (more: SchedStudent[] = []): Problem =>
  problem({
    windows: [win('a@s', 900, 940)],
    mergeSiblings: true,
    students: [
      { id: 'al', name: 'Al', teacherEmail: 'a@s', familyId: 'adams' },
      { id: 'zia', name: 'Zia', teacherEmail: 'a@s', familyId: 'zhou' },
      { id: 'zoe', name: 'Zoe', teacherEmail: 'a@s', familyId: 'zhou' },
      ...more,
    ],
    families: [
      { ...plainFamily('adams'), availability: [{ date: DAY, start: 910, end: 930, rank: 1 }] },
      plainFamily('zhou'),
    ],
  });

describe('buildSchedule: who gets the last place', () => {
  it('gives a teacher’s only 40 minutes to twins together rather than to one child', () => {
    // Ms. A has 3:00 to 3:40 PM and merges siblings: the Zhous' twins take the whole 40 minutes
    // in one conference; the Adamses can come from 3:10 to 3:30 only, 20 minutes in the middle.
    // Two children seen beat one.
    const s = scheduled(twinsOrOne());
    expect(leftOutIds(s)).toEqual(['al']);
    expect(s.conferences.map((c) => [c.studentIds, c.start, c.end])).toEqual([
      [['zia', 'zoe'], 900, 940],
    ]);
  });
});

describe('buildSchedule: a full teacher and a family of three', () => {
  it('sees all three of one family’s children rather than two of them and another family’s child', () => {
    // Ms. A has 3:35 to 4:35 PM: three 15-minute conferences with five minutes between. The
    // Oakes have three children with her, the Pratts and the Quinns (Spanish) one each. Five
    // children, three places: the Oakes come once and see her about all three.
    const p = problem({
      windows: [win('a@s', 935, 995)],
      conferenceMinutes: 15,
      changeoverMinutes: 5,
      students: [
        { id: 'oa', name: 'Oa', teacherEmail: 'a@s', familyId: 'oakes' },
        { id: 'ob', name: 'Ob', teacherEmail: 'a@s', familyId: 'oakes' },
        { id: 'oc', name: 'Oc', teacherEmail: 'a@s', familyId: 'oakes' },
        { id: 'pat', name: 'Pat', teacherEmail: 'a@s', familyId: 'pratt' },
        { id: 'quin', name: 'Quin', teacherEmail: 'a@s', familyId: 'quinn' },
      ],
      families: [
        plainFamily('oakes'),
        plainFamily('pratt'),
        { ...plainFamily('quinn'), interpreter: 'es' },
      ],
      seed: 986,
    });
    const s = scheduled(p);
    expect(leftOutIds(s)).toEqual(['pat', 'quin']);
    expect(s.quality.siblingsBackToBack).toBe(1);
  });
});

describe('buildSchedule: a student no time suits', () => {
  it('still lets the search give the last 40 minutes to twins rather than to one child', () => {
    // Ms. A's 40 minutes, the twins and the Adamses of the test above, and the Ngs, who can come
    // on Wednesday only, when Ms. A has no window.
    // Nothing places them; the twins are still seen together and the Adamses' son waits.
    const p = twinsOrOne([{ id: 'ned', name: 'Ned', teacherEmail: 'a@s', familyId: 'ng' }]);
    p.families.push({
      ...plainFamily('ng'),
      availability: [{ date: '2026-11-18', start: 900, end: 1000, rank: 1 }],
    });
    const s = scheduled(p);
    expect(leftOutIds(s)).toEqual(['al', 'ned']);
    expect(s.conferences.map((c) => [c.studentIds, c.start, c.end])).toEqual([
      [['zia', 'zoe'], 900, 940],
    ]);
  });
});

describe('buildSchedule: a teacher with more children than places', () => {
  it('sees the families that answered the availability form and lets the one that gave no times wait', () => {
    // Ms. A has 3:25 to 3:50 PM, two 10-minute conferences, and three children. The Fords
    // gave no times; the Grants can come from 3:20 to 4:15, the Hills from 3:40 to 4:05. The
    // Fords can take any time that frees up later: they are the ones to wait.
    const p = problem({
      windows: [win('a@s', 925, 950)],
      conferenceMinutes: 10,
      students: [
        { id: 'fay', name: 'Fay', teacherEmail: 'a@s', familyId: 'ford' },
        { id: 'gus', name: 'Gus', teacherEmail: 'a@s', familyId: 'grant' },
        { id: 'hal', name: 'Hal', teacherEmail: 'a@s', familyId: 'hill' },
      ],
      families: [
        plainFamily('ford'),
        { ...plainFamily('grant'), availability: [{ date: DAY, start: 920, end: 975, rank: 1 }] },
        { ...plainFamily('hill'), availability: [{ date: DAY, start: 940, end: 965, rank: 1 }] },
      ],
      seed: 279,
    });
    const s = scheduled(p);
    expect(leftOutIds(s)).toEqual(['fay']);
    expect(s.conferences.map((c) => c.familyId).sort()).toEqual(['grant', 'hill']);
  });
});

describe('buildSchedule: a teacher with hardly a place to spare', () => {
  it('seats three 15-minute conferences in a 45-minute window when three children need it', () => {
    // Ms. A sees families from 3:00 to 3:45 PM, Mr. B from 3:00 to 4:10, 15 minutes each. Two
    // families each have two children with Ms. A and one with Mr. B: four children for Ms. A's
    // three places. Only 3:00, 3:15 and 3:30 seat three; a start between them, which would save
    // a family a few minutes of waiting, costs Ms. A a place.
    const child = (id: string, familyId: string, teacherEmail: string) => ({
      id,
      name: id,
      teacherEmail,
      familyId,
    });
    const p = problem({
      windows: [win('a@s', 900, 945), win('b@s', 900, 970)],
      conferenceMinutes: 15,
      students: [
        child('ann', 'fox', 'a@s'),
        child('bea', 'fox', 'b@s'),
        child('cal', 'fox', 'a@s'),
        child('dee', 'gray', 'a@s'),
        child('eve', 'gray', 'b@s'),
        child('fay', 'gray', 'a@s'),
      ],
      families: [plainFamily('fox'), plainFamily('gray')],
    });
    const s = scheduled(p);
    expect(s.unplaced).toHaveLength(1);
    expect(s.conferences.filter((c) => c.teacherEmail === 'a@s').map((c) => c.start)).toEqual([
      900, 915, 930,
    ]);
    expect(s.conferences.filter((c) => c.teacherEmail === 'b@s')).toHaveLength(2);
  });
});

describe('buildSchedule: a teacher whose kept conference leaves hardly a place to spare', () => {
  it('seats two more 15-minute conferences after a conference kept at the start of a 45-minute window', () => {
    // As above, but the Kents' conference with Ms. A at 3:00 PM is kept, and each family has one
    // child with her and one with Mr. B: two children for Ms. A's two places left, 3:15 and 3:30.
    const child = (id: string, familyId: string, teacherEmail: string) => ({
      id,
      name: id,
      teacherEmail,
      familyId,
    });
    const kept = keptConference('kim', 'kent', 'a@s', 900, 915);
    const p = problem({
      windows: [win('a@s', 900, 945), win('b@s', 900, 970)],
      conferenceMinutes: 15,
      students: [
        child('kim', 'kent', 'a@s'),
        child('ann', 'fox', 'a@s'),
        child('bea', 'fox', 'b@s'),
        child('dee', 'gray', 'a@s'),
        child('eve', 'gray', 'b@s'),
      ],
      families: [plainFamily('kent'), plainFamily('fox'), plainFamily('gray')],
      fixed: [kept],
    });
    const s = scheduled(p);
    expect(s.unplaced).toEqual([]);
    expect(s.conferences.filter((c) => c.teacherEmail === 'a@s').map((c) => c.start)).toEqual([
      900, 915, 930,
    ]);
  });
});

describe('buildSchedule: a teacher with places to spare', () => {
  it('sees a family right after its conference next door, at a start off her usual rhythm', () => {
    // Mr. B sees the Lees at 3:00 PM, his only time. Ms. A has room from 3:10 to 5:00 and one
    // child to see: the Lees' other child, at 3:25 after the walk, though her 20-minute
    // conferences from 3:10 would fall at 3:10, 3:30, 3:50. With places to spare, that rhythm
    // is not worth five minutes of the family's waiting. The Lees can come any time before 5:00
    // (an answer to the availability form, so no whole-evening plan is made).
    const p = problem({
      windows: [win('a@s', 910, 1020), win('b@s', 900, 920)],
      students: [
        { id: 'lily', name: 'Lily', teacherEmail: 'a@s', familyId: 'lee' },
        { id: 'leo', name: 'Leo', teacherEmail: 'b@s', familyId: 'lee' },
      ],
      families: [
        { ...plainFamily('lee'), availability: [{ date: DAY, start: 900, end: 1020, rank: 1 }] },
      ],
    });
    const s = scheduled(p);
    expect(s.unplaced).toEqual([]);
    expect(s.conferences.map((c) => [c.studentIds[0], c.start])).toEqual([
      ['leo', 900],
      ['lily', 925],
    ]);
    expect(s.quality.waiting).toEqual([0]);
  });
});

describe('buildSchedule: whom the construction seats first, with the search off', () => {
  it('seats a family whose one child can be seen at one time only before a family of one with two times', () => {
    // Mr. B sees families from 3:00 to 3:40 PM, Ms. A from 3:00 to 5:10. The Zhous can come
    // from 3:00 to 3:20 and from 3:25 on: their son with Mr. B only at 3:00, their daughter
    // with Ms. A at any of eighteen times. The Adamses, with Mr. B only, would rather come at
    // 3:00 but can come at 3:20. Seated first, the Adamses would take 3:00 and the Zhous' son
    // would not be seen.
    const p = problem({
      windows: [win('a@s', 900, 1030), win('b@s', 900, 940)],
      students: [
        { id: 'al', name: 'Al', teacherEmail: 'b@s', familyId: 'adams' },
        { id: 'zia', name: 'Zia', teacherEmail: 'a@s', familyId: 'zhou' },
        { id: 'zak', name: 'Zak', teacherEmail: 'b@s', familyId: 'zhou' },
      ],
      families: [
        {
          ...plainFamily('adams'),
          availability: [
            { date: DAY, start: 900, end: 920, rank: 1 },
            { date: DAY, start: 920, end: 940, rank: 2 },
          ],
        },
        {
          ...plainFamily('zhou'),
          availability: [
            { date: DAY, start: 900, end: 920, rank: 1 },
            { date: DAY, start: 925, end: 1030, rank: 1 },
          ],
        },
      ],
    });
    const s = scheduled(p, { iterations: 0 });
    expect(s.unplaced).toEqual([]);
    const at = Object.fromEntries(s.conferences.map((c) => [c.studentIds[0], c.start]));
    expect([at.zak, at.al]).toEqual([900, 920]);
  });

  it('seats a family with two conferences before a family of one with fewer times, so both fit', () => {
    // Mr. B sees families from 3:00 to 3:35 PM, Ms. A from 3:00 to 3:45. The Zhous have a child
    // with each: only Mr. B at 3:00 and Ms. A at 3:25 fit them both, with the walk between. The
    // Adamses, with Ms. A only, would rather come at 3:25 but can come at 3:00. Seated first, the
    // Adamses would take 3:25 and one of the Zhous' children would not be seen.
    const p = problem({
      windows: [win('a@s', 900, 945), win('b@s', 900, 935)],
      students: [
        { id: 'al', name: 'Al', teacherEmail: 'a@s', familyId: 'adams' },
        { id: 'zia', name: 'Zia', teacherEmail: 'a@s', familyId: 'zhou' },
        { id: 'zoe', name: 'Zoe', teacherEmail: 'b@s', familyId: 'zhou' },
      ],
      families: [
        {
          ...plainFamily('adams'),
          availability: [
            { date: DAY, start: 925, end: 945, rank: 1 },
            { date: DAY, start: 900, end: 920, rank: 2 },
          ],
        },
        plainFamily('zhou'),
      ],
    });
    const s = scheduled(p, { iterations: 0 });
    expect(s.unplaced).toEqual([]);
    expect(s.conferences.map((c) => [c.studentIds[0], c.start])).toEqual([
      ['al', 900],
      ['zoe', 900],
      ['zia', 925],
    ]);
  });
});
