/**
 * A paper household of a joined family, through the built bundle: its letter carries a code of
 * its own, the office keys its slip in with that code, and the answer sets its own child's time
 * only, beside the emailed household's online answer (neither replaces the other). The Letters
 * sheet labels its letter with its own surname, never the emailed household's. A blended family
 * as an SIS exports it (one Household ID on every row), every expected value read off the rows:
 *
 * - Household A: María García (an address), with Ana (Ms. Rivera) and Leo (Mr. Okafor).
 * - Household B: Rob O'Brien, a phone only: named on Leo's row (Guardian 2, no address, his
 *   number) and the only guardian on his son Max's row (Mr. Okafor). Max's row lists no address,
 *   so B is reached on paper, for Max alone; Leo is A's (his row lists María's address).
 *
 * Names carry quotes and a <script> tag: the letter must show them as text.
 */
import type { openSchool } from '../../preview/school';
import type { PaperLetter } from '../../src/shared/api';
import { EST, ok, pastedSchool, props, run } from './calls';
import { runJob } from './invites.fixture';
import { SIS_HEADER } from '../fixtures/sis-roster';

type School = ReturnType<typeof openSchool>;

const MARIA = 'maria.garcia@mail.example';
const ROB = 'Rob "Bobby" O\'Brien <script>alert(1)</script>';
/** The SIS export's columns but its Home Language. */
const HEADER = SIS_HEADER.slice(0, SIS_HEADER.indexOf('Home Language'));
const ROSTER = [
  HEADER,
  [
    '4101',
    'Garcia',
    'Ana',
    '4',
    'Ms. Rivera',
    'HH-2207',
    'María García',
    MARIA,
    '',
    '',
    '(555) 010-0147',
  ],
  [
    '4102',
    'Garcia',
    'Leo',
    '2',
    'Mr. Okafor',
    'HH-2207',
    'María García',
    MARIA,
    ROB,
    '',
    '(555) 010-0199',
  ],
  ['4103', "O'Brien", 'Max', '5', 'Mr. Okafor', 'HH-2207', ROB, '', '', '', '(555) 010-0199'],
];
const DAY1 = '2026-11-17';
const DAY2 = '2026-11-18';
const TEACHERS = [
  ['Teacher', 'Email', 'Date', 'Start', 'End', 'Room', 'Capacity'],
  ...[DAY1, DAY2].flatMap((day) => [
    ['Ms. Rivera', 'rivera@lincoln.school.example', day, '14:00', '16:00', '101', '1'],
    ['Mr. Okafor', 'okafor@lincoln.school.example', day, '14:00', '16:00', '102', '1'],
  ]),
];

function rowsOf(s: School, name: string): Record<string, unknown>[] {
  const [header = [], ...rows] = s.emulator.spreadsheet.sheetByName(name)?.values() ?? [];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

/** The day of the conference of this student on the Schedule, as yyyy-mm-dd. */
function dayOf(s: School, studentId: string): string {
  const row = rowsOf(s, 'Schedule').find((r) =>
    String(r['Student IDs']).replace(/^'/, '').split(/;\s*/).includes(studentId),
  )!;
  const d = row.Date;
  return d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10);
}

describe('a paper household of a joined family (Max O’Brien’s, beside María García’s)', () => {
  let s: School;
  let letter: PaperLetter;
  let familyId: string;
  let times: (day: string) => string;
  let linkWith: (code: string) => string;
  /** The office keys a slip (or María answers online) marking the one day as first choice. */
  const answer = (code: string, day: string) => {
    s.emulator.ws.clock.set(s.emulator.ws.clock.now() + 60_000);
    s.emulator.forms.submitPrefilled(linkWith(code), { [times(day)]: '1st choice' });
    expect(s.emulator.triggers.firings.at(-1)!.error).toBeUndefined();
  };

  beforeAll(() => {
    s = pastedSchool(ROSTER, TEACHERS);
    run(s, 'forms');
    const letters = ok<PaperLetter[]>(s.bundle.callFromClient('getPaperLetters', []));
    expect(letters).toHaveLength(1);
    letter = letters[0]!;
    familyId = [...props(s).keys()]
      .find((k) => k.startsWith('slc:family-code:'))!
      .slice('slc:family-code:'.length);
    const forms = JSON.parse(props(s).get('slc:forms')!) as {
      availability: { linkTemplate: string; choices: { label: string; date: string }[] };
    };
    const label = (day: string) => forms.availability.choices.find((c) => c.date === day)!.label;
    times = (day) => `Which times suit you? [${label(day)}]`;
    linkWith = (code) => forms.availability.linkTemplate.replace(/0{28}c0de/, code);
  });

  it('prints the household’s letter with a code of its own, not the family’s, and its names as text', () => {
    const family = props(s).get(`slc:family-code:${familyId}`)!;
    const own = props(s).get(`slc:paper-code:${familyId}`)!;
    expect(own).toMatch(/^c[0-9a-f]{31}$/);
    expect(own).not.toBe(family);
    // The slip and the typed-link block carry B's code; María's appears nowhere on B's paper.
    expect(letter.html).toContain(own);
    expect(letter.html).not.toContain(family);
    for (const other of ['Ana', 'Leo', 'Garcia', MARIA]) expect(letter.html).not.toContain(other);
    // Greeted by its own surname, as text.
    expect(letter.html).toContain('Dear O&#39;Brien family,');
    expect(letter.askFor).toContain(ROB);
  });

  it('records the keyed slip as the household’s own answer, beside María’s, each replacing only its own', () => {
    const own = props(s).get(`slc:paper-code:${familyId}`)!;
    const family = props(s).get(`slc:family-code:${familyId}`)!;
    answer(own, DAY2);
    answer(family, DAY1);
    const rows = () => rowsOf(s, 'Availability').map((r) => [r.Family, r.Email]);
    // María's later answer leaves B's standing, written under B's surname with no address.
    expect(rows()).toEqual([
      ["O'Brien", ''],
      ['Garcia', MARIA],
    ]);
    // B's next slip replaces B's earlier answer only.
    answer(own, DAY2);
    expect(rows()).toEqual([
      ['Garcia', MARIA],
      ["O'Brien", ''],
    ]);
  });

  it('schedules each household’s children in its own answer: Max on B’s day, Ana and Leo on María’s', () => {
    run(s, 'schedule');
    expect([dayOf(s, '4101'), dayOf(s, '4102'), dayOf(s, '4103')]).toEqual([DAY1, DAY1, DAY2]);
  });

  it('tells the household of Max’s conference only, its guardian’s name as text on the phone list', () => {
    s.bundle.run('showLetters');
    const html = s.emulator.sheets.ui.dialogs.at(-1)!.html;
    expect(html).toContain('Max O&#39;Brien’s conference with Mr. Okafor: Wednesday, November 18');
    for (const other of ['Ana', 'Leo', 'Garcia', MARIA]) expect(html).not.toContain(other);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain(
      'Rob &quot;Bobby&quot; O&#39;Brien &lt;script&gt;alert(1)&lt;/script&gt;',
    );
  });

  it('labels the household’s letter on the Letters sheet with its own surname and child', () => {
    s.emulator.ws.clock.set(EST(DAY1, '08:00'));
    runJob(s, 'reminders');
    const cells = s.emulator.spreadsheet.sheetByName('Letters')!.values().flat().map(String);
    expect(cells.filter((c) => c.includes('Max')).length).toBeGreaterThan(0);
    expect(cells).toContain("O'Brien (Max O'Brien)");
    // Nothing on B's paper names the García household.
    expect(cells.filter((c) => /Garcia|Ana|Leo/.test(c))).toEqual([]);
    const list = cells.slice(cells.indexOf('Phone list: families without email'));
    expect(list).toContain("O'Brien");
    expect(list).toContain('(555) 010-0199');
  });
});
