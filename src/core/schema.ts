/**
 * The sheets the add-on keeps, their columns and how each column is formatted and validated.
 * Set-up creates what is missing from this; every reader finds its columns by header name, so
 * people may reorder columns or add their own.
 */
export type ColumnKind =
  | 'text'
  | 'email'
  | 'date'
  | 'time'
  | 'datetime'
  | 'yesno'
  | 'checkbox'
  | 'integer'
  | 'status'
  | 'language'
  | 'url';

export interface ColumnSpec {
  header: string;
  kind: ColumnKind;
  /** Shown as the header cell's note: what goes in the column. */
  help: string;
  required?: boolean;
  /** For integer columns. */
  min?: number;
  max?: number;
  width?: number;
}

export interface SheetSpec {
  name: string;
  /** What the sheet is for, shown in the sidebar and as the first header's note. */
  purpose: string;
  columns: ColumnSpec[];
  /** Written by the add-on only (people read it; edits there are overwritten on the next run). */
  generated?: boolean;
  tabColor: string;
}

export const STATUSES = [
  'scheduled',
  'invited',
  'accepted',
  'declined',
  'tentative',
  'cancelled',
  'attended',
  'no-show',
  'rescheduled',
] as const;
export type ConferenceStatus = (typeof STATUSES)[number];

/** Sheets number formats (https://developers.google.com/sheets/api/guides/formats). */
export const NUMBER_FORMATS: Partial<Record<ColumnKind, string>> = {
  date: 'yyyy-mm-dd',
  time: 'h:mm am/pm',
  datetime: 'yyyy-mm-dd h:mm am/pm',
  integer: '0',
  text: '@',
  email: '@',
  url: '@',
};

export const ROSTER: SheetSpec = {
  name: 'Roster',
  purpose:
    'One row per student. Paste your student-information-system export here; column names such as "Student Name", "Homeroom" or "Parent Email" are recognised.',
  tabColor: '#1a73e8',
  columns: [
    {
      header: 'Student ID',
      kind: 'text',
      required: true,
      help: 'Unique per student, as in your student-information system.',
    },
    { header: 'First Name', kind: 'text', required: true, help: "Student's first name." },
    { header: 'Last Name', kind: 'text', required: true, help: "Student's last name." },
    { header: 'Grade', kind: 'text', help: 'Grade or year, e.g. 3 or K.' },
    {
      header: 'Teacher',
      kind: 'text',
      required: true,
      help: 'The host teacher, exactly as on the Teachers sheet (name or email).',
    },
    {
      header: 'Family ID',
      kind: 'text',
      help: 'Optional. Students with the same Family ID are siblings. Without it, students sharing a guardian email are one family.',
    },
    { header: 'Guardian 1 Name', kind: 'text', help: 'Name used to greet the family.' },
    {
      header: 'Guardian 1 Email',
      kind: 'email',
      required: true,
      help: 'Invitations and reminders go here.',
    },
    { header: 'Guardian 2 Name', kind: 'text', help: 'Optional second contact.' },
    { header: 'Guardian 2 Email', kind: 'email', help: 'Optional; also invited.' },
    { header: 'Phone', kind: 'text', help: 'Optional; shown to the teacher only.' },
    {
      header: 'Language',
      kind: 'language',
      help: "Family's language for messages: a name (Spanish, Español) or a code (es).",
    },
    {
      header: 'Interpreter',
      kind: 'yesno',
      help: 'Yes if the family needs an interpreter at the conference.',
    },
    {
      header: 'Notes',
      kind: 'text',
      help: 'Anything the teacher should know. Never sent to families.',
    },
  ],
};

export const TEACHERS: SheetSpec = {
  name: 'Teachers',
  purpose: 'One row per availability window: when and where each teacher hosts conferences.',
  tabColor: '#188038',
  columns: [
    {
      header: 'Teacher',
      kind: 'text',
      required: true,
      help: 'Name as families should see it, e.g. Ms. Rivera.',
    },
    {
      header: 'Email',
      kind: 'email',
      required: true,
      help: "Teacher's school email; added to every conference event.",
    },
    { header: 'Date', kind: 'date', required: true, help: 'A conference day.' },
    { header: 'Start', kind: 'time', required: true, help: 'Window start, e.g. 3:30 PM.' },
    { header: 'End', kind: 'time', required: true, help: 'Window end, after the start.' },
    { header: 'Room', kind: 'text', help: 'Where families go.' },
    {
      header: 'Capacity',
      kind: 'integer',
      min: 1,
      max: 6,
      help: 'Families hosted at once: 1 for classic conferences, 2-4 for simultaneous student-led conferences.',
    },
    {
      header: 'Video Link',
      kind: 'url',
      help: 'Optional: a video-call link for families who join remotely.',
    },
    {
      header: 'Mode',
      kind: 'text',
      help: 'In person, Online or Either (the family chooses). Blank: Either when the window has a Room and a Video Link, Online with only a link, else In person.',
    },
    {
      header: 'Round',
      kind: 'text',
      help: 'Optional: the round this window belongs to (Fall, Spring). Blank: every round.',
    },
  ],
};

export const SCHEDULE: SheetSpec = {
  name: 'Schedule',
  purpose:
    'One row per conference. You may swap times, lock a row or mark attendance; every step reads your edits back.',
  tabColor: '#e37400',
  columns: [
    { header: 'Conference ID', kind: 'text', help: 'Made by the add-on; do not edit.' },
    { header: 'Round', kind: 'text', help: 'Conference round, e.g. Fall 2026.' },
    { header: 'Date', kind: 'date', help: 'Conference day.' },
    { header: 'Start', kind: 'time', help: 'Start time.' },
    { header: 'End', kind: 'time', help: 'End time.' },
    { header: 'Teacher', kind: 'text', help: 'Host teacher.' },
    { header: 'Room', kind: 'text', help: 'Room or video link.' },
    { header: 'Students', kind: 'text', help: 'Students leading this conference.' },
    {
      header: 'Student IDs',
      kind: 'text',
      help: 'Their student IDs, separated by ; (how the add-on recognises the row).',
    },
    { header: 'Family', kind: 'text', help: 'Family name.' },
    { header: 'Family ID', kind: 'text', help: 'The family, as the add-on groups siblings.' },
    { header: 'Emails', kind: 'text', help: 'Guardian emails invited, separated by ;.' },
    { header: 'Language', kind: 'language', help: "Family's language." },
    { header: 'Interpreter', kind: 'yesno', help: 'Interpreter needed.' },
    {
      header: 'Status',
      kind: 'status',
      help: 'scheduled, invited, accepted, declined, tentative, cancelled, attended, no-show or rescheduled.',
    },
    {
      header: 'Locked',
      kind: 'checkbox',
      help: 'Tick to keep this conference where it is when the schedule is rebuilt.',
    },
    { header: 'Event ID', kind: 'text', help: 'Calendar event; made by the add-on.' },
    { header: 'Invite Sent', kind: 'datetime', help: 'When the invitation went out.' },
    { header: 'Reminders Sent', kind: 'text', help: 'Which reminders went out.' },
    { header: 'Feedback Link', kind: 'url', help: "This family's questionnaire link." },
    {
      header: 'Questionnaire Sent',
      kind: 'datetime',
      help: 'When the questionnaire went to the family.',
    },
    { header: 'Notes', kind: 'text', help: 'Why a student could not be placed, and other notes.' },
    {
      header: 'Mode',
      kind: 'text',
      help: 'In person, Online or Either: what the messages say (the room, the video link, or both).',
    },
  ],
};

export const AVAILABILITY: SheetSpec = {
  name: 'Availability',
  purpose: "Families' answers from the availability form, one row per family and window.",
  tabColor: '#9334e6',
  generated: true,
  columns: [
    { header: 'Family', kind: 'text', help: 'Family the answer belongs to.' },
    { header: 'Email', kind: 'email', help: 'Who answered.' },
    { header: 'Date', kind: 'date', help: 'Day offered.' },
    { header: 'Start', kind: 'time', help: 'From.' },
    { header: 'End', kind: 'time', help: 'Until.' },
    { header: 'Rank', kind: 'integer', min: 1, max: 20, help: '1 = first choice.' },
    { header: 'Answered', kind: 'datetime', help: 'When the family answered.' },
    {
      header: 'Family ID',
      kind: 'text',
      help: 'The family, matched by the code in its personal link.',
    },
    { header: 'Language', kind: 'language', help: 'Language the family would like us to use.' },
    { header: 'Interpreter', kind: 'yesno', help: 'The family would like an interpreter.' },
    {
      header: 'Meet',
      kind: 'text',
      help: 'How the family would like to meet: In person, Online or Either. Blank: either.',
    },
    {
      header: 'Who Comes',
      kind: 'text',
      help: 'Who will come (another trusted adult may come instead).',
    },
    {
      header: 'Who Comes Email',
      kind: 'text',
      help: 'The stand-in adult’s address, when the family gave one: they get the invitation and reminders too.',
    },
    {
      header: 'Response',
      kind: 'text',
      help: 'The form response it came from (an edited response replaces the family’s rows).',
    },
    {
      header: 'Round',
      kind: 'text',
      help: 'The round the answer is for. Blank (typed by hand): the current round.',
    },
  ],
};

export const FEEDBACK: SheetSpec = {
  name: 'Feedback',
  purpose: "Families' questionnaire answers, one row per response, tied to the conference.",
  tabColor: '#d93025',
  generated: true,
  columns: [
    { header: 'Answered', kind: 'datetime', help: 'When the family answered.' },
    { header: 'Conference ID', kind: 'text', help: 'The conference the answer is about.' },
    { header: 'Round', kind: 'text', help: 'Conference round.' },
    { header: 'Teacher', kind: 'text', help: 'Host teacher.' },
    { header: 'Family', kind: 'text', help: 'Family.' },
    { header: 'Rating', kind: 'integer', min: 1, max: 5, help: 'How it went, 1-5.' },
    { header: 'Goal', kind: 'text', help: 'The goal the student set.' },
    { header: 'How We Help', kind: 'text', help: 'How the family will help.' },
    { header: 'Follow-up', kind: 'yesno', help: 'Family asks for a follow-up meeting.' },
    { header: 'Follow-up When', kind: 'text', help: 'When the family would like to meet.' },
    {
      header: 'Private Talk',
      kind: 'yesno',
      help: 'Family would like to talk with the teacher privately.',
    },
    { header: 'Comments', kind: 'text', help: 'Anything else.' },
    { header: 'Language', kind: 'language', help: 'Language the family answered in.' },
    {
      header: 'Flag',
      kind: 'text',
      help: 'Why this answer is kept but not counted (an unknown or mismatched code).',
    },
    { header: 'Code', kind: 'text', help: 'The conference code the link carried.' },
    {
      header: 'Response',
      kind: 'text',
      help: 'The form response row it came from (an edited response replaces its row here).',
    },
  ],
};

export const STUDENT_PREP: SheetSpec = {
  name: 'Student Prep',
  purpose:
    'Students’ preparation, one row per student per round: what they are proud of, the work they will show, their goal. The student prep form writes here; teachers may type here too.',
  tabColor: '#1a73e8',
  columns: [
    { header: 'Student ID', kind: 'text', help: 'The student, as on the Roster.' },
    { header: 'Round', kind: 'text', help: 'The round the preparation is for.' },
    { header: 'Proud Of', kind: 'text', help: 'What I am proud of.' },
    { header: 'Learning Targets', kind: 'text', help: 'The learning targets I will show.' },
    {
      header: 'Work Sample',
      kind: 'text',
      help: 'A link to, or a description of, work I will show.',
    },
    { header: 'Goal', kind: 'text', help: 'My goal.' },
    { header: 'Family Question', kind: 'text', help: 'What I would like my family to ask.' },
    { header: 'Coming With Me', kind: 'text', help: 'Who is coming with me.' },
    {
      header: 'Answered',
      kind: 'datetime',
      help: 'When the student answered the prep form (blank when typed here).',
    },
    {
      header: 'Response',
      kind: 'text',
      help: 'The prep form response it came from (an edited response replaces its row here).',
    },
  ],
};

export const REFLECTIONS: SheetSpec = {
  name: 'Reflections',
  purpose:
    'Students’ reflections after the conference, one row per student per round, from the reflection form. Teachers may type here too.',
  tabColor: '#1a73e8',
  columns: [
    { header: 'Student ID', kind: 'text', help: 'The student, as on the Roster.' },
    { header: 'Round', kind: 'text', help: 'The round the reflection is about.' },
    { header: 'How It Went', kind: 'text', help: 'How my conference went.' },
    { header: 'Next Step', kind: 'text', help: 'What I will do next.' },
    { header: 'Goal Now', kind: 'text', help: 'My goal now.' },
    {
      header: 'Last Goal Met',
      kind: 'text',
      help: 'Whether last round’s goal was met: Yes, Partly or Not yet (from the second round on).',
    },
    {
      header: 'Answered',
      kind: 'datetime',
      help: 'When the student answered the reflection form (blank when typed here).',
    },
    {
      header: 'Response',
      kind: 'text',
      help: 'The reflection form response it came from (an edited response replaces its row here).',
    },
  ],
};

export const SUMMARY: SheetSpec = {
  name: 'Summary',
  purpose:
    "The coordinator's page: participation, ratings per teacher, follow-ups, goals, interpreters. Rebuilt by the add-on.",
  tabColor: '#5f6368',
  generated: true,
  columns: [{ header: 'Summary', kind: 'text', help: 'Rebuilt from Schedule and Feedback.' }],
};

/** In the order the tabs are arranged. */
export const SHEETS: SheetSpec[] = [
  ROSTER,
  TEACHERS,
  SCHEDULE,
  AVAILABILITY,
  FEEDBACK,
  STUDENT_PREP,
  REFLECTIONS,
  SUMMARY,
];

/** Headers compare without case, spacing or punctuation ("Guardian 1 email" = "guardian1Email"). */
export function headerKey(header: unknown): string {
  return String(header ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export interface HeaderCheck {
  /** Spec columns the sheet lacks, in spec order. */
  missing: ColumnSpec[];
  /** Position (1-based) of each spec column found, by header. */
  found: Map<string, number>;
  /** The same header twice: the add-on could not tell which one to read. */
  duplicates: { header: string; columns: number[] }[];
}

/** Compares a sheet's header row with what the add-on needs. */
export function checkHeaders(
  spec: SheetSpec,
  headerRow: unknown[],
  aliases: Record<string, string[]> = {},
): HeaderCheck {
  const positions = new Map<string, number[]>();
  headerRow.forEach((h, i) => {
    const key = headerKey(h);
    if (key) positions.set(key, [...(positions.get(key) ?? []), i + 1]);
  });
  const found = new Map<string, number>();
  const missing: ColumnSpec[] = [];
  const duplicates: HeaderCheck['duplicates'] = [];
  for (const column of spec.columns) {
    const keys = [column.header, ...(aliases[column.header] ?? [])].map(headerKey);
    const hit = keys.map((k) => positions.get(k)).find((p) => p !== undefined);
    if (!hit) missing.push(column);
    else {
      found.set(column.header, hit[0]!);
      if (hit.length > 1) duplicates.push({ header: column.header, columns: hit });
    }
  }
  return { missing, found, duplicates };
}
