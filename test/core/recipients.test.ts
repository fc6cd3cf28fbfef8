import {
  byRecipient,
  greetingName,
  rosterContacts,
  rowPupils,
  studentNames,
} from '../../src/core/recipients';

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

  it('lets an address typed on the Schedule that is on no Roster row read about the row', () => {
    expect(
      rowPupils(['S1'], ['Amy Adams'], ['grandma@home.example', 'case@agency.example'], contacts),
    ).toEqual([{ name: 'Amy Adams', lastName: 'Adams', emails: ['grandma@home.example'] }]);
  });

  it('gives a child the Roster does not know (or no Roster) the row’s addresses', () => {
    expect(rowPupils(['S9'], ['Zed'], ['a@b.example'], contacts)).toEqual([
      { name: 'Zed', lastName: '', emails: ['a@b.example'] },
    ]);
    expect(rowPupils(['S1'], ['Amy Adams'], ['A@B.example'], null)).toEqual([
      { name: 'Amy Adams', lastName: '', emails: ['a@b.example'] },
    ]);
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
