/**
 * Text pasted from elsewhere, as the readers meet it: control characters, cells far longer than
 * any name, and template fields named like what every object inherits.
 */
import fc from 'fast-check';
import { checkProperty } from './property';
import { answerText } from '../../src/core/answers';
import { cleanText } from '../../src/core/normalize';
import { parseRoster } from '../../src/core/roster';
import { parseTeachers } from '../../src/core/teachers';
import { renderMessage, type MessageFields } from '../../src/core/templates';

const TEACHERS = [{ name: 'Ms. Rivera', email: 'rivera@school.example' }];
const HEADER = [
  'Student ID',
  'First Name',
  'Last Name',
  'Teacher',
  'Guardian 1 Name',
  'Guardian 1 Email',
  'Notes',
];

function roster(...rows: unknown[][]) {
  return parseRoster([HEADER, ...rows], TEACHERS);
}

function row(over: Record<string, unknown> = {}): unknown[] {
  const cells: Record<string, unknown> = {
    'Student ID': '501',
    'First Name': 'Sofía',
    'Last Name': 'García',
    Teacher: 'Ms. Rivera',
    'Guardian 1 Name': 'María García',
    'Guardian 1 Email': 'maria@family.example',
    Notes: '',
    ...over,
  };
  return HEADER.map((h) => cells[h]);
}

const warnings = (r: { problems: { severity: string; message: string }[] }) =>
  r.problems.filter((p) => p.severity === 'warning').map((p) => p.message);

describe('cleanText', () => {
  it('drops NUL, escape, DEL and C1 controls, and makes line breaks and tabs spaces', () => {
    expect(cleanText('Ana\u0000 María\u001b[0m\u007f\u0085 López')).toBe('Ana María[0m López');
    expect(cleanText(' Ana\r\n\tMaría\u000bLópez ')).toBe('Ana María López');
  });

  it('drops the direction overrides, embeddings and isolates and the byte-order mark, keeping the joiners and marks scripts need', () => {
    // A name with U+202E shows the rest of its line reversed: "Dear \u202egnp.exe family".
    expect(cleanText('\u202egnp.exe')).toBe('gnp.exe');
    expect(cleanText('Ana\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069 Ruiz\ufeff')).toBe(
      'Ana Ruiz',
    );
    // Persian's zero-width non-joiner, an emoji family's joiner, the right-to-left mark: kept.
    expect(cleanText('می\u200cخواهم \u{1F468}\u200d\u{1F467} \u200fليلى')).toBe(
      'می\u200cخواهم \u{1F468}\u200d\u{1F467} \u200fليلى',
    );
  });

  it('keeps every script and accent as typed', () => {
    expect(cleanText('Nguyễn Thị Lan · 李小龙 · ليلى الحسن')).toBe(
      'Nguyễn Thị Lan · 李小龙 · ليلى الحسن',
    );
  });

  it('gives any text its words, controls dropped, one space apart, whether it was clean or not', () => {
    // The rule, character by character: NUL to backspace, shift-out to unit separator, DEL,
    // the C1 range, the direction embeddings, overrides and isolates and the byte-order mark
    // dropped; whitespace (zero-width space included) splits words.
    const invisible = (c: string) => {
      const n = c.charCodeAt(0);
      return (
        n <= 8 ||
        (n >= 14 && n <= 31) ||
        (n >= 127 && n <= 159) ||
        (n >= 0x202a && n <= 0x202e) ||
        (n >= 0x2066 && n <= 0x2069) ||
        n === 0xfeff
      );
    };
    const rule = (text: string) =>
      [...text]
        .filter((c) => !invisible(c))
        .join('')
        .split(/[\s\u200b]+/)
        .filter(Boolean)
        .join(' ');
    const pasted = fc.constantFrom(
      ...['a', 'é', '李', '-', ' ', '  ', '\t', '\n', '\r', '\u000b', '\u0000', '\u001b'],
      ...['\u007f', '\u0085', '\u00a0', '\u200b', '\ufeff', '\u2028', '\u3000'],
      ...['\u202e', '\u202a', '\u2066', '\u2069', '\u200c', '\u200d', '\u200f'],
    );
    checkProperty(
      fc.property(fc.oneof(fc.string({ unit: pasted }), fc.string({ unit: 'binary' })), (text) =>
        expect(cleanText(text)).toBe(rule(text)),
      ),
      { numRuns: 2000 },
    );
  });
});

describe('answerText', () => {
  it('drops control characters from a family’s answer but keeps its lines', () => {
    expect(answerText('Grandma\u0000 comes.\nShe needs\ta ramp.\u0007')).toBe(
      'Grandma comes.\nShe needs\ta ramp.',
    );
  });
});

describe('the roster', () => {
  it('reads a name with a NUL in it without the NUL', () => {
    const r = roster(row({ 'First Name': 'Sof\u0000ía', 'Guardian 1 Name': 'María\u0000 García' }));
    expect(r.students[0]).toMatchObject({ firstName: 'Sofía', lastName: 'García' });
    expect(JSON.stringify(r)).not.toContain('\\u0000');
  });

  it('warns about a 20,000-character name, naming sheet, row and column, and keeps it whole', () => {
    const long = `Sofía ${'x'.repeat(20_000 - 6)}`;
    const r = roster(row(), row({ 'Student ID': '502', 'First Name': long }));
    expect(warnings(r)).toContain(
      'Roster, row 3, column B (First Name): 20,000 characters, more than any name or code should need (500). Perhaps something was pasted into it by mistake. It starts "Sofía xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" (only the start is shown here; the cell is kept whole and used as it is until you shorten it).',
    );
    const problem = r.problems.find((p) => p.message.startsWith('Roster, row 3, column B'))!;
    expect(problem.where).toEqual({ sheet: 'Roster', row: 3, column: 2 });
    expect(problem.message.length).toBeLessThan(400);
    expect(r.students.find((s) => s.id === '502')!.firstName).toBe(long);
  });

  it('warns about a guardian name over 500 characters, not one of 500', () => {
    const r = roster(
      row({ 'Guardian 1 Name': 'M'.repeat(500) }),
      row({
        'Student ID': '502',
        'Guardian 1 Name': 'M'.repeat(501),
        'Guardian 1 Email': 'other@family.example',
      }),
    );
    expect(warnings(r).filter((w) => w.includes('characters, more than'))).toEqual([
      expect.stringMatching(/^Roster, row 3, column E \(Guardian 1 Name\): 501 characters/),
    ]);
  });

  it('lets notes run long: 3,000 characters is a note, not a mistake', () => {
    expect(warnings(roster(row({ Notes: 'n'.repeat(3000) })))).toEqual([]);
  });

  it('warns about an over-long room on the Teachers sheet too', () => {
    const wall = (d: Date) => ({
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
    });
    const r = parseTeachers(
      [
        ['Teacher', 'Email', 'Date', 'Start', 'End', 'Room'],
        ['Ms. Rivera', 'rivera@school.example', '2026-11-17', '15:00', '17:00', 'R'.repeat(900)],
      ],
      wall,
    );
    expect(warnings(r)).toEqual([
      expect.stringMatching(/^Teachers, row 2, column F \(Room\): 900 characters/),
    ]);
  });
});

describe('a template', () => {
  it('leaves a field named like an inherited key ({{constructor}}) as written', () => {
    const fields: MessageFields = {
      school: 'Lincoln',
      family: 'García',
      students: 'Ana',
      children: 1,
      teacher: 'Ms. Rivera',
      date: '2026-11-17',
      start: 930,
      end: 955,
      room: '12',
      videoLink: '',
      link: '',
      replyTo: 'office@x.example',
      round: 'Fall',
      interpreter: false,
    };
    const m = renderMessage('reminder', 'en', fields, {
      en: { reminder: { subject: '{{toString}} {{family}}', body: 'Hi {{constructor}}' } },
    });
    expect(m.subject).toBe('{{toString}} García');
    expect(m.text).toBe('Hi {{constructor}}');
  });
});
