/**
 * A family whose households read different languages, through a whole demo round: every email
 * goes to one address, in that address's own language, naming only the children its Roster rows
 * list; each conference has one Calendar event, written whole in each of its guests' households'
 * languages (the school's default first); the Schedule's Language names them. The expected
 * languages and children are written by hand in the fixture (test/fixtures/two-households.ts),
 * and a message's language is told by words a reader of it would know (the fixture's languageOf).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDemo } from '../../demo/cli';
import { parseCsv } from '../../demo/csv';
import {
  CHILDREN,
  EVENT_LANGUAGES,
  EXPECTED,
  languageOf,
  twoHouseholdsRoster,
} from '../fixtures/two-households';

const field = (v: unknown) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csv = (rows: unknown[][]) => rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';

interface Sent {
  to: string[];
  subject: string;
  text: string;
}
interface Event {
  title: string;
  description: string;
  guests: { email: string }[];
}
interface Form {
  kind: string;
  language: string;
  url: string;
}

const dir = mkdtempSync(join(tmpdir(), 'slc-languages-'));
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const out = join(dir, 'out');
const readJson = <T>(name: string) => JSON.parse(readFileSync(join(out, name), 'utf8')) as T;
const readCsv = (name: string) => {
  const [h, ...rows] = parseCsv(readFileSync(join(out, name), 'utf8'));
  return rows.map((r) => Object.fromEntries(h!.map((x, i) => [x, r[i] ?? ''])));
};

let outbox: Sent[];
let events: Event[];
let forms: Form[];

beforeAll(() => {
  runDemo([
    '--roster',
    write('roster.csv', csv(twoHouseholdsRoster())),
    '--teachers',
    write(
      'teachers.csv',
      csv([
        ['Teacher', 'Email', 'Date', 'Start', 'End', 'Room', 'Capacity'],
        ['Ms. Rivera', 'rivera@school.example', '2026-11-17', '15:00', '17:00', '101', 1],
        ['Mr. Okafor', 'okafor@school.example', '2026-11-17', '15:00', '17:00', '103', 1],
        ['Ms. Quinn', 'quinn@school.example', '2026-11-17', '15:00', '17:00', '105', 1],
      ]),
    ),
    '--out',
    out,
  ]);
  outbox = readJson<Sent[]>('outbox.json');
  events = readJson<Event[]>('events.json');
  forms = readJson<Form[]>('forms.json');
}, 120_000);

/** The children (first names, each one child's) a text names. */
const named = (text: string) => CHILDREN.filter((c) => new RegExp(`\\b${c}\\b`).test(text));

/** Which of the fixture's kinds an email is, by the form its link opens (none: a reminder). */
function kindOf(m: Sent): { kind: 'ask' | 'questionnaire' | 'reminder'; form?: Form } {
  const form = forms.find((f) => m.text.includes(f.url.replace(/\/viewform.*$/, '')));
  if (!form) return { kind: 'reminder' };
  return { kind: form.kind === 'availability' ? 'ask' : 'questionnaire', form };
}

describe('a family whose two households read two languages, through a whole round', () => {
  it('the Roster step takes it as it is: no warning about its languages', () => {
    const issues = readCsv('roster-issues.csv');
    expect(issues.filter((i) => /language/i.test(i['Problem'] ?? ''))).toEqual([]);
  });

  it.each(Object.entries(EXPECTED))(
    'every email to %s is in its own language and names only its own children',
    // Broken on purpose: every email in the family's language (addressLanguage returning the
    // fallback) failed here for David, Emma and Omar.
    (address, expected) => {
      const mine = outbox.filter((m) => m.to.includes(address));
      const kinds = mine.map((m) => kindOf(m).kind);
      // Asked once, and reminded; the questionnaire only after a conference marked attended.
      expect(kinds.filter((k) => k === 'ask')).toHaveLength(1);
      expect(kinds).toContain('reminder');
      for (const m of mine) {
        const { kind, form } = kindOf(m);
        expect({ kind, language: languageOf(`${m.subject}\n${m.text}`) }).toEqual({
          kind,
          language: expected.language,
        });
        // Its link opens the form in its language when there is one (no Arabic form is written
        // by hand: English for it, its email still in Arabic).
        if (form)
          expect({ kind, form: form.language }).toEqual({
            kind,
            form: expected.language === 'ar' ? 'en' : expected.language,
          });
        expect(m.to).toEqual([address]);
        expect(
          named(`${m.subject}\n${m.text}`).filter((c) => !expected.children.includes(c)),
        ).toEqual([]);
      }
      // The request names every child listed with the address.
      const ask = mine.find((m) => kindOf(m).kind === 'ask')!;
      expect(named(`${ask.subject}\n${ask.text}`).sort()).toEqual([...expected.children].sort());
    },
  );

  it('the questionnaire links each address to the questionnaire in its own language', () => {
    // Broken on purpose: every address given the conference's Feedback Link as written (the
    // Spanish questionnaire for Maya's father) failed here.
    const questionnaires = outbox.filter((m) => kindOf(m).kind === 'questionnaire');
    expect(questionnaires.length).toBeGreaterThan(0);
    for (const m of questionnaires) {
      const to = m.to[0]!;
      const expected = EXPECTED[to];
      if (!expected) continue;
      // No Arabic questionnaire is written by hand: English for it, its email still in Arabic.
      expect({ to, form: kindOf(m).form!.language }).toEqual({
        to,
        form: expected.language === 'ar' ? 'en' : expected.language,
      });
    }
    // Maya's parents read two languages; both were asked.
    const reached = new Set(questionnaires.flatMap((m) => m.to));
    expect(reached.has('carmen.ortiz@home.example') && reached.has('david.reed@home.example')).toBe(
      true,
    );
  });

  it.each(Object.entries(EVENT_LANGUAGES))(
    "%s's one event is written whole in each guest household's language, the default first",
    // Broken on purpose: eventLanguages giving the row's language alone failed for Maya, Zoe, Leo.
    (child, languages) => {
      const mine = events.filter((e) => named(e.title).includes(child));
      expect(mine).toHaveLength(1);
      const event = mine[0]!;
      const titles = event.title.split(' / ');
      const parts = event.description.replace(/\n\nRef\. \S+\s*$/, '').split('\n\n* * *\n\n');
      expect(titles.map(languageOf)).toEqual(languages);
      expect(parts.map(languageOf)).toEqual(languages);
      // Each part complete: the child, the teacher's room and the school's sign-off in every one.
      for (const part of parts) {
        expect(named(part)).toEqual([child]);
        expect(part).toMatch(/Student-Led Conferences demo\s*$/);
      }
      // Guests: exactly the addresses the fixture lists with this child (and the teacher).
      const families = event.guests
        .map((g) => g.email)
        .filter((g) => !g.endsWith('@school.example'));
      const listed = Object.entries(EXPECTED)
        .filter(([, e]) => e.children.includes(child))
        .map(([a]) => a);
      expect(families.sort()).toEqual(listed.sort());
    },
  );

  it("the Schedule's Language names the family's languages, the one its interpreter would be booked in first", () => {
    // Broken on purpose: the cell written with the family's language alone failed here.
    const schedule = readCsv('schedule.csv');
    const byStudent = new Map(schedule.map((r) => [r['Student IDs'], r['Language']]));
    // Maya's guests read Spanish and English; Leo's, Spanish and Arabic; the Lopez family Spanish.
    expect(byStudent.get('3101')).toBe('Spanish, English');
    expect(byStudent.get('3103')).toBe('Spanish, Arabic');
    expect(byStudent.get('3201')).toBe('Spanish');
    expect(byStudent.get('3202')).toBe('');
  });
});
