import {
  byRecipient,
  greetingName,
  rosterContacts,
  rowAddresses,
  rowPupils,
  scheduleUnlisted,
  studentNames,
  unlistedWarning,
} from '../../src/core/recipients';
import { parseRoster } from '../../src/core/roster';
import { TEACHERS } from '../fixtures/sis-roster';

/** Amy and Ben Adams (one family); Pat on both rows, Xavier on Amy's only; Casey on Cara's. */
const contacts = rosterContacts([
  {
    id: 'S1',
    firstName: 'Amy',
    lastName: 'Adams',
    guardians: [{ email: 'pat@adams.example' }, { email: 'X@Cole.example' }],
  },
  { id: 'S2', firstName: 'Ben', lastName: 'Adams', guardians: [{ email: 'pat@adams.example' }] },
  { id: 'S3', firstName: 'Cara', lastName: 'Brown', guardians: [{ email: 'case@agency.example' }] },
]);

describe('rowPupils', () => {
  it('keeps, of the addresses the Schedule copied onto a row, those the Roster lists with its child', () => {
    expect(
      rowPupils(['S2'], ['Ben Adams'], ['pat@adams.example', 'x@cole.example'], contacts),
    ).toEqual([{ name: 'Ben Adams', lastName: 'Adams', emails: ['pat@adams.example'] }]);
  });

  it("lets no address typed on the Schedule read about a child the Roster does not list it with, another family's or nobody's", () => {
    expect(
      rowPupils(
        ['S1'],
        ['Amy Adams'],
        ['grandma@home.example', 'case@agency.example', ' Pat@Adams.Example '],
        contacts,
      ),
    ).toEqual([{ name: 'Amy Adams', lastName: 'Adams', emails: ['pat@adams.example'] }]);
  });

  it('lists nobody with a child the Roster does not know; without the Roster (a count), the row’s addresses', () => {
    expect(rowPupils(['S9'], ['Zed'], ['a@b.example'], contacts)).toEqual([
      { name: 'Zed', lastName: '', emails: [] },
    ]);
    expect(rowPupils(['S1'], ['Amy Adams'], ['A@B.example'], null)).toEqual([
      { name: 'Amy Adams', lastName: '', emails: ['a@b.example'] },
    ]);
  });
});

describe('rowAddresses', () => {
  it('keeps the typed addresses the Roster lists with every child, in its spelling, and names the children of each other one', () => {
    expect(
      rowAddresses(
        ['S1', 'S2'],
        ['PAT@adams.example ', 'x@cole.example', 'case@agency.example', 'stranger@evil.example'],
        contacts,
      ),
    ).toEqual({
      listed: ['pat@adams.example'],
      unlisted: [
        { address: 'x@cole.example', children: ['Ben Adams'] },
        { address: 'case@agency.example', children: ['Amy Adams', 'Ben Adams'] },
        { address: 'stranger@evil.example', children: ['Amy Adams', 'Ben Adams'] },
      ],
    });
  });

  it('lets a contact two families share be typed on either family’s rows, and nobody on a row of unknown children', () => {
    const shared = rosterContacts([
      { id: 'A', firstName: 'Al', lastName: 'One', guardians: [{ email: 'cw@agency.example' }] },
      { id: 'B', firstName: 'Bo', lastName: 'Two', guardians: [{ email: 'cw@agency.example' }] },
    ]);
    expect(rowAddresses(['A'], ['cw@agency.example'], shared).listed).toEqual([
      'cw@agency.example',
    ]);
    expect(rowAddresses(['B'], ['cw@agency.example'], shared).listed).toEqual([
      'cw@agency.example',
    ]);
    expect(rowAddresses(['Z9'], ['cw@agency.example'], shared)).toEqual({
      listed: [],
      unlisted: [{ address: 'cw@agency.example', children: ['Z9'] }],
    });
    expect(rowAddresses([], ['cw@agency.example'], shared).listed).toEqual([]);
  });
});

describe('a child whose Roster row gives no address, in a family with email', () => {
  // Tom Park, no email, shares the Lees' phone number: he is in their family for the schedule
  // (the Roster's rule), but his row lists nobody's address. The owner's rule: a message names
  // only the children whose rows list its recipient, so Ann Lee's address is not his row's and
  // may not be told about him (his household gets a letter: roster.ts paperFamilies). Before
  // session 33 the family's address was lent to his row, and Ann was sent his invitation.
  const roster = parseRoster(
    [
      ['Student ID', 'First Name', 'Last Name', 'Teacher', 'Guardian 1 Email', 'Phone'],
      ['1', 'Mia', 'Lee', 'Ms. Rivera', 'ann@lee.example', '555-4242'],
      ['2', 'Tom', 'Park', 'Mr. Okafor', '', '555.4242'],
    ],
    TEACHERS,
  );

  it('is not told to the family’s address, nor to anyone else, through his row', () => {
    expect(roster.families.map((f) => f.studentIds)).toEqual([['1', '2']]);
    const lees = rosterContacts(roster.students);
    expect(rowAddresses(['2'], ['ann@lee.example'], lees)).toEqual({
      listed: [],
      unlisted: [{ address: 'ann@lee.example', children: ['Tom Park'] }],
    });
    expect(rowAddresses(['2'], ['stranger@evil.example'], lees).listed).toEqual([]);
    // Mia's own row lists Ann: she is still told about Mia.
    expect(rowAddresses(['1'], ['ann@lee.example'], lees).listed).toEqual(['ann@lee.example']);
  });
});

describe('unlistedWarning', () => {
  it('names the cell, the address and the children, and what to do', () => {
    const w = unlistedWarning(
      { sheet: 'Schedule', row: 4, column: 12 },
      { address: 'stranger@evil.example', children: ['Sophia Nelson'] },
      'not invited',
    );
    expect(w.message).toBe(
      'Schedule, row 4, column L (Emails): stranger@evil.example is not on the Roster rows of Sophia Nelson: not invited. Add it to the Roster if this person should come.',
    );
    expect(w.where).toEqual({ sheet: 'Schedule', row: 4, column: 12 });
  });
});

describe('scheduleUnlisted', () => {
  /** A Schedule row of `round` for `studentIds` whose Emails cell (column 2) reads `emails`. */
  const row = (n: number, round: string, studentIds: string[], emails: string, status = '') => ({
    row: n,
    round,
    status,
    familyId: '',
    studentIds,
    values: [`C${n}`, emails],
  });
  const columns = new Map([
    ['Conference ID', 1],
    ['Emails', 2],
  ]);
  const rowsWarned = (rows: ReturnType<typeof row>[]) =>
    scheduleUnlisted({ rows, columns }, 'Spring', contacts, 'sent no reminder').map(
      (p) => p.where?.row,
    );

  it('warns of an address the Roster does not list with this round’s row, a blank Round being this round’s', () => {
    expect(
      rowsWarned([
        row(2, 'Spring', ['S1'], 'pat@adams.example, stranger@evil.example'),
        row(3, '', ['S3'], 'pat@adams.example'),
        row(4, 'spring', ['S2'], 'pat@adams.example'),
      ]),
    ).toEqual([2, 3]);
  });

  it('leaves another round’s rows alone, such as last round’s conference of a student who has left, and a cancelled one', () => {
    expect(
      rowsWarned([
        row(2, 'Fall', ['S9'], 'leaver@fam.example'),
        row(3, 'Fall', ['S1'], 'stranger@evil.example'),
        row(4, 'Spring', ['S1'], 'stranger@evil.example', 'cancelled'),
      ]),
    ).toEqual([]);
  });
});

describe('byRecipient', () => {
  it('makes one message per address naming only the children listed with it', () => {
    const items = [
      {
        id: 'C1',
        pupils: rowPupils(['S1'], ['Amy Adams'], ['pat@adams.example', 'x@cole.example'], contacts),
      },
      {
        id: 'C2',
        pupils: rowPupils(['S2'], ['Ben Adams'], ['pat@adams.example', 'x@cole.example'], contacts),
      },
    ];
    const out = byRecipient(items).map((m) => ({
      to: m.to,
      ids: m.items.map((i) => i.id),
      names: m.items.flatMap((i) => i.pupils.map((p) => p.name)),
    }));
    expect(out).toEqual([
      { to: 'pat@adams.example', ids: ['C1', 'C2'], names: ['Amy Adams', 'Ben Adams'] },
      { to: 'x@cole.example', ids: ['C1'], names: ['Amy Adams'] },
    ]);
  });

  it('leaves out the addresses already done', () => {
    const items = [
      { pupils: [{ name: 'Amy', lastName: 'Adams', emails: ['a@x.example', 'b@x.example'] }] },
    ];
    expect(byRecipient(items, (to) => to !== 'a@x.example').map((m) => m.to)).toEqual([
      'b@x.example',
    ]);
  });
});

describe('greetingName', () => {
  it('greets by the surnames of the children named, not the family’s most common one', () => {
    const amy = { name: 'Amy', lastName: 'Adams', emails: [] };
    const cara = { name: 'Cara', lastName: 'Brown', emails: [] };
    expect(greetingName([amy, amy], 'en', 'Smith')).toBe('Adams');
    expect(greetingName([amy, cara], 'en', 'Smith')).toBe('Adams and Brown');
    expect(greetingName([amy, cara], 'es', 'Smith')).toBe('Adams y Brown');
    expect(greetingName([{ name: 'Zed', lastName: '', emails: [] }], 'en', 'Smith')).toBe('Smith');
  });
});

describe('studentNames', () => {
  it('reads one name whole (a comma included), several split on commas when they match the IDs', () => {
    expect(studentNames('Adams, Amy', 1)).toEqual(['Adams, Amy']);
    expect(studentNames('Amy Adams, Ben Adams', 2)).toEqual(['Amy Adams', 'Ben Adams']);
    expect(studentNames('Amy Adams', 2)).toEqual([]);
  });
});
