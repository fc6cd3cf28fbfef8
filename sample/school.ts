/**
 * A generated sample school, the same every time for a given seed: teachers with windows on
 * two conference days (an evening and a morning, some rooms hosting several families at once),
 * a few hundred students, siblings across grades and teachers, families in English and Spanish
 * (and a few more languages), some needing an interpreter, names in several scripts.
 *
 * The roster comes as a student-information-system export would: "Student Name" as
 * "Last, First", "Homeroom", "Parent Email", "Home Language", "Needs Interpreter".
 * Used by the preview (npm start), the demo CLI, the benchmarks and end-to-end tests.
 */
import { seeded as rng } from '../src/core/random';

export interface SampleSchool {
  roster: { header: string[]; rows: string[][] };
  teachers: { header: string[]; rows: string[][] };
  /** Conference days, as yyyy-mm-dd. */
  days: string[];
  /**
   * What some families said on the availability form, as availability.csv holds it: about a
   * third give ranked windows (evenings only, mornings only, or a first and a second choice).
   */
  availability: { header: string[]; rows: string[][] };
}

export interface SampleOptions {
  seed?: number;
  students?: number;
  teachers?: number;
  days?: string[];
  /**
   * One family gives a phone number and no email (its invitation is a printed letter); the
   * Roster gets a Parent Phone column.
   */
  phoneOnly?: boolean;
  /** Typing mistakes a real export has, each one a problem the sidebar points to. */
  messy?: boolean;
}

/**
 * The schools the preview (`npm start -- --school NAME`) and the demo open by name.
 * - lincoln: fits. Every student can be placed, English and Spanish families (and a few more
 *   languages), one family reached by phone only.
 * - messy: too many students for some teachers' windows, and a few cells typed wrong, so every
 *   step has a problem to follow to its cell and fix.
 */
export const SAMPLES = {
  lincoln: { students: 120, phoneOnly: true },
  messy: { students: 300, phoneOnly: true, messy: true },
} satisfies Record<string, SampleOptions>;

export type SampleName = keyof typeof SAMPLES;

export const isSampleName = (name: string): name is SampleName => Object.hasOwn(SAMPLES, name);

const TEACHERS = [
  ['Ms.', 'Rivera'],
  ['Mr.', 'Okafor'],
  ['Ms.', 'Nguyen'],
  ['Mr.', 'Haddad'],
  ['Ms.', 'Kowalski'],
  ['Mr.', 'Brooks'],
  ['Ms.', 'Chen'],
  ['Mr.', 'Silva'],
  ['Ms.', 'Patel'],
  ['Mr.', 'Johansson'],
  ['Ms.', 'Mensah'],
  ['Mr.', 'Tanaka'],
];
const MORE_TEACHERS = [
  'Abbott',
  'Barnes',
  'Castro',
  'Dalton',
  'Ellis',
  'Fischer',
  'Grant',
  'Hughes',
  'Ibarra',
  'Jensen',
  'Keller',
  'Lindqvist',
  'Moreau',
  'Novak',
  'Osei',
  'Price',
  'Quinn',
  'Rossi',
  'Schmidt',
  'Tremblay',
  'Usman',
  'Vargas',
  'Weber',
  'Xu',
  'Yilmaz',
  'Zimmer',
  'Alvarez',
  'Bianchi',
  'Cohen',
  'Dubois',
  'Eriksen',
  'Farouk',
  'Gallo',
  'Horvat',
  'Iqbal',
  'Jovanovic',
  'Kim',
  'Lambert',
  'Mazur',
  'Nakamura',
  'Olsen',
  'Petrov',
  'Reyes',
  'Sato',
  'Toure',
  'Ueda',
  'Varga',
  'Wagner',
  'Yamada',
  'Zhou',
  'Akhtar',
  'Boateng',
  'Carvalho',
  'Demir',
  'Estrada',
  'Ferreira',
  'Gupta',
  'Hansen',
  'Ivanova',
  'Jung',
  'Kaya',
  'Larsen',
  'Molina',
  'Nowak',
  'Ortega',
  'Park',
  'Ramos',
  'Stewart',
  'Tan',
  'Vu',
];
const FAMILY_EN = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Miller',
  'Davis',
  'Wilson',
  'Anderson',
  'Taylor',
  'Thomas',
  'Moore',
  'Jackson',
  'White',
  'Harris',
  'Clark',
  'Lewis',
  'Walker',
  'Young',
  'Allen',
  'King',
  'Wright',
  'Scott',
  'Hill',
  'Green',
  'Adams',
  'Baker',
  'Nelson',
  'Carter',
  'Mitchell',
  'Roberts',
];
const FAMILY_ES = [
  'García',
  'Martínez',
  'Rodríguez',
  'López',
  'Hernández',
  'González',
  'Pérez',
  'Sánchez',
  'Ramírez',
  'Torres',
  'Flores',
  'Rivera',
  'Gómez',
  'Díaz',
  'Morales',
  'Ortiz',
  'Núñez',
  'Castillo',
];
const FIRST_EN = [
  'Olivia',
  'Liam',
  'Emma',
  'Noah',
  'Ava',
  'Elijah',
  'Sophia',
  'James',
  'Mia',
  'Lucas',
  'Amelia',
  'Mason',
  'Harper',
  'Ethan',
  'Ella',
  'Aiden',
  'Zoe',
  'Leo',
  'Nora',
  'Owen',
];
const FIRST_ES = [
  'Sofía',
  'Mateo',
  'Valentina',
  'Santiago',
  'Camila',
  'Sebastián',
  'Lucía',
  'Diego',
  'Isabella',
  'Alejandro',
  'Ximena',
  'Joaquín',
  'Renata',
  'Tomás',
];
const GUARDIAN_EN = [
  'Sarah',
  'Michael',
  'Jennifer',
  'David',
  'Jessica',
  'Chris',
  'Ashley',
  'Daniel',
  'Amanda',
  'Matthew',
];
const GUARDIAN_ES = [
  'María',
  'José',
  'Guadalupe',
  'Juan',
  'Rosa',
  'Luis',
  'Carmen',
  'Jorge',
  'Ana',
  'Miguel',
];
/** A few families in other languages and scripts. */
const OTHERS: {
  language: string;
  last: string;
  first: string[];
  guardian: string;
  translit: string;
}[] = [
  {
    language: 'Vietnamese',
    last: 'Trần',
    first: ['Minh', 'Linh', 'Bảo'],
    guardian: 'Hương',
    translit: 'tran',
  },
  {
    language: 'Arabic',
    last: 'الحسن',
    first: ['ليلى', 'يوسف', 'مريم'],
    guardian: 'فاطمة',
    translit: 'alhassan',
  },
  {
    language: 'Chinese',
    last: '王',
    first: ['小明', '丽丽', '伟'],
    guardian: '芳',
    translit: 'wang',
  },
];

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const ascii = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

export function sampleSchool(options: SampleOptions = {}): SampleSchool {
  const r = rng(options.seed ?? 2026);
  const studentsWanted = options.students ?? 300;
  // Twelve named teachers; a larger school (the benchmarks' 2,000 students) gets more, named
  // after further surnames, so every student can fit.
  const teacherCount = Math.min(options.teachers ?? 10, TEACHERS.length + MORE_TEACHERS.length);
  const named = [
    ...TEACHERS,
    ...MORE_TEACHERS.map((last, i) => [i % 2 ? 'Mr.' : 'Ms.', last] as const),
  ];
  const days = options.days ?? ['2026-11-17', '2026-11-19'];
  const teachers = named.slice(0, teacherCount).map(([title, last], i) => ({
    name: `${title} ${last}`,
    email: `${ascii(last!)}@lincoln.school.example`,
    room: String(101 + i * 2),
    grade: String(3 + (i % 6)),
    capacity: i % 3 === 0 ? 3 : i % 3 === 1 ? 2 : 1,
  }));

  const teacherRows: string[][] = [];
  for (const t of teachers) {
    // An evening on the first day (for working families), a morning on the second.
    teacherRows.push([
      t.name,
      t.email,
      days[0]!,
      '3:00 PM',
      '7:30 PM',
      t.room,
      String(t.capacity),
      '',
    ]);
    if (days[1])
      teacherRows.push([
        t.name,
        t.email,
        days[1],
        '8:00 AM',
        '12:00 PM',
        t.room,
        String(t.capacity),
        t.capacity === 1 ? `https://meet.example/${ascii(t.name)}` : '',
      ]);
  }

  const rows: string[][] = [];
  const availability: string[][] = [];
  // Its own stream, so adding availability leaves the roster of a given seed unchanged.
  const ra = rng((options.seed ?? 2026) + 1);
  let id = 10001;
  let familyNo = 0;
  while (rows.length < studentsWanted) {
    familyNo++;
    const roll = r();
    const kind = roll < 0.7 ? 'en' : roll < 0.95 ? 'es' : 'other';
    const other = kind === 'other' ? pick(r, OTHERS) : null;
    const last = other ? other.last : pick(r, kind === 'es' ? FAMILY_ES : FAMILY_EN);
    const guardian = other ? other.guardian : pick(r, kind === 'es' ? GUARDIAN_ES : GUARDIAN_EN);
    const emailName = other ? other.translit : ascii(last);
    const email = `${ascii(guardian) || 'parent'}.${emailName}${familyNo}@family.example`;
    const secondEmail = r() < 0.3 ? `${emailName}.home${familyNo}@family.example` : '';
    const language = other
      ? other.language
      : kind === 'es'
        ? pick(r, ['Spanish', 'Español', 'es'])
        : pick(r, ['English', 'English', 'en', '']);
    const interpreter = kind === 'en' ? 'No' : r() < 0.6 ? pick(r, ['Yes', 'Y', 'yes']) : 'No';
    const says = ra();
    if (says < 0.12) availability.push([email, days[0]!, '5:00 PM', '7:30 PM', '1']);
    else if (says < 0.22 && days[1])
      availability.push([email, days[1], '8:00 AM', '10:00 AM', '1']);
    else if (says < 0.34 && days[1])
      availability.push(
        [email, days[1], '9:00 AM', '12:00 PM', '1'],
        [email, days[0]!, '3:00 PM', '5:00 PM', '2'],
      );
    const children = r() < 0.72 ? 1 : r() < 0.8 ? 2 : 3;
    for (let c = 0; c < children && rows.length < studentsWanted; c++) {
      const first = other
        ? other.first[c % other.first.length]!
        : pick(r, kind === 'es' ? FIRST_ES : FIRST_EN);
      const teacher = pick(r, teachers);
      rows.push([
        String(id++),
        `${last}, ${first}`,
        teacher.grade,
        teacher.name,
        `${guardian} ${last}`,
        // SIS exports are not tidy: mixed case and stray spaces.
        c === 1 && r() < 0.5 ? ` ${email.toUpperCase()} ` : email,
        secondEmail,
        language,
        interpreter,
      ]);
    }
  }
  const header = [
    'Student ID',
    'Student Name',
    'Grade',
    'Homeroom',
    'Parent Name',
    'Parent Email',
    'Guardian 2 Email',
    'Home Language',
    'Needs Interpreter',
  ];
  if (options.phoneOnly) {
    // The last student's family: no email on its rows, a phone number instead.
    header.push('Parent Phone');
    const family = rows[rows.length - 1]![5]!.trim().toLowerCase();
    for (const row of rows) {
      const theirs = row[5]!.trim().toLowerCase() === family;
      row.push(theirs ? '(555) 010-0142' : '');
      if (theirs) row[5] = row[6] = '';
    }
  }
  if (options.messy) messUp(rows, teacherRows);
  return {
    roster: { header, rows },
    teachers: {
      header: ['Teacher', 'Email', 'Date', 'Start', 'End', 'Room', 'Capacity', 'Video Link'],
      rows: teacherRows,
    },
    days,
    availability: {
      header: ['Guardian Email', 'Date', 'Start', 'End', 'Rank'],
      rows: availability,
    },
  };
}

/**
 * What a real export gets wrong, on rows of the sample far enough apart to be found one by one:
 * an answer that is neither yes nor no, an address without its @, a window that ends
 * before it starts.
 */
function messUp(rows: string[][], teacherRows: string[][]): void {
  rows[3]![8] = 'Maybe';
  rows[20]![5] = rows[20]![5]!.trim().replace('@', '');
  teacherRows[5]![4] = '11:00 AM';
  teacherRows[5]![3] = '12:00 PM';
}
