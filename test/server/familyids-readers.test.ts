/**
 * Every reader of a Family ID cell reaches the family whatever form the cell holds, on the built
 * bundle: the message jobs read the Roster with the ids the document keeps codes for (as the
 * schedule does), the questionnaire groups a Schedule holding two forms of one family's id, and
 * an Availability row typed with the Family ID people read counts as the family's answer. The
 * roster is written by hand, so every expected value is read off it:
 *
 * - Ana and Luis Garcia: no Family ID at first; one family by Maria's address. Ana with
 *   Ms. Rivera, Luis with Mr. Okafor, both on 2026-11-17.
 * - Kim Park: no Family ID; Jin Park's own family.
 */
import type { openSchool } from '../../preview/school';
import type { Overview } from '../../src/shared/api';
import { EST, markAttended, ok, pastedSchool, props, ROSTER_HEADER, run } from './calls';

type School = ReturnType<typeof openSchool>;

const MARIA = 'maria@garcia.example';
const JIN = 'jin@park.example';

const ROSTER = [
  ROSTER_HEADER,
  ['S1', 'Ana', 'Garcia', '3', 'Ms. Rivera', '', 'Maria Garcia', MARIA, '', '', 'en'],
  ['S2', 'Luis', 'Garcia', '5', 'Mr. Okafor', '', 'Maria Garcia', MARIA, '', '', 'en'],
  ['S3', 'Kim', 'Park', '4', 'Ms. Rivera', '', 'Jin Park', JIN, '', '', 'en'],
];

const TEACHERS = [
  ['Teacher', 'Email', 'Date', 'Start', 'End', 'Room', 'Capacity'],
  ['Ms. Rivera', 'rivera@lincoln.school.example', '2026-11-17', '15:00', '16:00', '101', '1'],
  ['Mr. Okafor', 'okafor@lincoln.school.example', '2026-11-17', '15:40', '16:05', '102', '1'],
];

/** A sheet's rows as header → cell text. */
function rowsOf(s: School, name: string): Record<string, string>[] {
  const [header = [], ...rows] = s.emulator.spreadsheet.sheetByName(name)?.values() ?? [];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), String(r[i])])));
}

/** Writes a Schedule cell in the row of this student's conference. */
function setScheduleCell(
  s: School,
  studentId: string,
  column: string,
  value: string | boolean,
): void {
  const sheet = s.emulator.spreadsheet.sheetByName('Schedule')!;
  const header = sheet.values()[0]!.map(String);
  const at = rowsOf(s, 'Schedule').findIndex((r) => r['Student IDs'] === studentId);
  sheet.put(at + 2, header.indexOf(column) + 1, { v: value });
}

/** Types this Family ID on the Roster rows of these students. */
function typeFamilyId(s: School, text: string, ...studentIds: string[]): void {
  const roster = s.emulator.spreadsheet.sheetByName('Roster')!;
  roster.values().forEach((r, i) => {
    if (studentIds.includes(String(r[0])))
      roster.put(i + 1, ROSTER_HEADER.indexOf('Family ID') + 1, { v: text });
  });
}

const familyCodes = (s: School) =>
  [...props(s)].filter(([k]) => k.startsWith('slc:family-code:')).map(([k, v]) => `${k}=${v}`);

describe('a Family ID typed after the family got its code', () => {
  /**
   * The Garcias get their code (and their Schedule rows) with no Family ID; Ana's row is locked;
   * then GARCIA is typed on both their Roster rows and the schedule runs again. The family keeps
   * its id through its code, so Ana's kept row and Luis's new one are one family's.
   */
  function carried(): School {
    const s = pastedSchool(ROSTER, TEACHERS);
    run(s, 'forms');
    run(s, 'schedule');
    setScheduleCell(s, 'S1', 'Locked', true);
    typeFamilyId(s, 'GARCIA', 'S1', 'S2');
    run(s, 'schedule');
    return s;
  }

  it('reminds the family once, naming both children', () => {
    const s = carried();
    s.emulator.ws.clock.set(EST('2026-11-15', '16:00'));
    run(s, 'reminders');
    const toMaria = s.emulator.mail.to(MARIA);
    expect(toMaria).toHaveLength(1);
    expect(toMaria[0]!.body).toMatch(/Ana[\s\S]*Luis|Luis[\s\S]*Ana/);
    expect(s.emulator.mail.to(JIN)).toHaveLength(1);
  });

  it('offers a family that did not come another time through the link it has, with no new code', () => {
    const s = carried();
    const codes = familyCodes(s);
    s.emulator.ws.clock.set(EST('2026-11-17', '18:00'));
    setScheduleCell(s, 'S2', 'Status', 'no-show');
    run(s, 'noshow-offer');
    expect(familyCodes(s)).toEqual(codes);
    const offers = s.emulator.mail.to(MARIA);
    expect(offers).toHaveLength(1);
    // Maria's link carries the code the Garcias were given before GARCIA was typed.
    const garcia = codes.filter((c) => offers[0]!.body.includes(c.split('=')[1]!));
    expect(garcia).toHaveLength(1);
  });
});

describe('a Schedule holding one family’s id in two forms', () => {
  it('sends the family one questionnaire', () => {
    const s = pastedSchool(ROSTER, TEACHERS);
    typeFamilyId(s, 'GARCIA', 'S1', 'S2');
    run(s, 'schedule');
    // Ana's row as an older build wrote it: the add-on's own form of the Garcias' id.
    setScheduleCell(s, 'S1', 'Family ID', 'F-GARCIA');
    run(s, 'forms');
    markAttended(s);
    s.emulator.ws.clock.set(EST('2026-11-19', '09:00'));
    // The step counts two families due: the Garcias and the Parks.
    const step = ok<Overview>(s.bundle.callFromClient('getOverview', [])).steps.find(
      (x) => x.id === 'questionnaire',
    )!;
    expect(step.counts.find((c) => c.label === 'families due the questionnaire')?.value).toBe(2);
    const before = s.emulator.mail.sent.length;
    run(s, 'questionnaire');
    const sent = s.emulator.mail.sent.slice(before);
    expect(sent.filter((m) => m.to.includes(MARIA))).toHaveLength(1);
    expect(sent.filter((m) => m.to.includes(JIN))).toHaveLength(1);
    expect(sent).toHaveLength(2);
  });
});

describe('an availability answer typed with the Family ID people read', () => {
  /** The Garcias (Family ID GARCIA) answered on paper; a person typed the answer in. */
  function typedAnswer(): School {
    const s = pastedSchool(ROSTER, TEACHERS);
    typeFamilyId(s, 'GARCIA', 'S1', 'S2');
    run(s, 'forms');
    const availability = s.emulator.spreadsheet.sheetByName('Availability')!;
    const typed: Record<string, string | number> = {
      'Family ID': 'GARCIA',
      Date: '2026-11-17',
      Start: '15:00',
      End: '17:00',
      Rank: 1,
    };
    availability.appendRow(availability.values()[0]!.map((h) => typed[String(h)] ?? ''));
    return s;
  }

  it('counts as the family’s answer: the family is not asked', () => {
    const s = typedAnswer();
    run(s, 'ask');
    expect(s.emulator.mail.to(MARIA)).toHaveLength(0);
    expect(s.emulator.mail.to(JIN)).toHaveLength(1);
  });

  it('gives way when the family answers the form', () => {
    const s = typedAnswer();
    const forms = JSON.parse(props(s).get('slc:forms')!) as {
      availability: { linkTemplate: string; choices: { label: string }[] };
    };
    const code = props(s).get('slc:family-code:F-GARCIA')!;
    s.emulator.forms.submitPrefilled(
      forms.availability.linkTemplate.replace('0000000000000000000000000000c0de', code),
      { [`Which times suit you? [${forms.availability.choices[0]!.label}]`]: '1st choice' },
    );
    const rows = rowsOf(s, 'Availability');
    // The form's one choice stands (its row has a Response); the typed row is gone.
    expect(rows.map((r) => [r['Family ID'], r['Rank'], r['Response'] !== ''])).toEqual([
      ['GARCIA', '1', true],
    ]);
  });

  it('a form answer shows the Family ID the Roster gives, and the family’s next answer replaces it', () => {
    const s = pastedSchool(ROSTER, TEACHERS);
    typeFamilyId(s, 'GARCIA', 'S1', 'S2');
    run(s, 'forms');
    const forms = JSON.parse(props(s).get('slc:forms')!) as {
      availability: { linkTemplate: string; choices: { label: string }[] };
    };
    const link = forms.availability.linkTemplate.replace(
      '0000000000000000000000000000c0de',
      props(s).get('slc:family-code:F-GARCIA')!,
    );
    const times = `Which times suit you? [${forms.availability.choices[0]!.label}]`;
    s.emulator.forms.submitPrefilled(link, { [times]: '1st choice' });
    expect(rowsOf(s, 'Availability').map((r) => [r['Family ID'], r['Rank']])).toEqual([
      ['GARCIA', '1'],
    ]);
    s.emulator.ws.clock.set(s.emulator.ws.clock.now() + 60_000);
    s.emulator.forms.submitPrefilled(link, { [times]: '2nd choice' });
    // Read back as the Garcias' row: the first answer gives way, and Maria is not asked.
    expect(rowsOf(s, 'Availability').map((r) => [r['Family ID'], r['Rank']])).toEqual([
      ['GARCIA', '2'],
    ]);
    run(s, 'ask');
    expect(s.emulator.mail.to(MARIA)).toHaveLength(0);
  });
});
