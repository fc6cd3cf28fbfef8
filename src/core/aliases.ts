/**
 * Header names that student-information-system exports use for the columns the add-on reads.
 * Compared by headerKey (no case, spaces or punctuation). A full-name column ("Student Name")
 * stands for both First Name and Last Name: the roster reader splits it.
 */
export const FULL_NAME_HEADERS = [
  'Student Name',
  'Student',
  'Name',
  'Full Name',
  'Student Full Name',
  'Last, First',
];

/** A student's own school account, as Workspace for Education exports name it. */
export const STUDENT_EMAIL_HEADERS = [
  'Student Email',
  'Student E-mail',
  'Student Email Address',
  'Student Google Account',
  'Student Account',
  'Student School Email',
];

export const ROSTER_ALIASES: Record<string, string[]> = {
  'Student ID': [
    'ID',
    'Student Number',
    'Student No',
    'Student #',
    'SIS ID',
    'Local ID',
    'Pupil ID',
    'StudentID',
  ],
  'First Name': [
    'First',
    'Given Name',
    'Student First Name',
    'Student First',
    'Preferred Name',
    ...FULL_NAME_HEADERS,
  ],
  'Last Name': [
    'Last',
    'Surname',
    'Family Name',
    'Student Last Name',
    'Student Last',
    ...FULL_NAME_HEADERS,
  ],
  Grade: ['Grade Level', 'Year', 'Year Group', 'Gr', 'Class Year'],
  Teacher: [
    'Homeroom',
    'Homeroom Teacher',
    'Advisor',
    'Advisory',
    'Host',
    'Host Teacher',
    'Class Teacher',
    'Teacher Name',
    'Form Tutor',
  ],
  'Family ID': ['Family', 'Household ID', 'Household', 'Family Number', 'FamilyID'],
  'Guardian 1 Name': [
    'Guardian Name',
    'Parent Name',
    'Parent 1 Name',
    'Parent/Guardian Name',
    'Contact 1 Name',
    'Guardian 1',
    'Parent 1',
    'Primary Contact',
  ],
  'Guardian 1 Email': [
    'Guardian Email',
    'Parent Email',
    'Parent 1 Email',
    'Parent/Guardian Email',
    'Contact 1 Email',
    'Email',
    'Family Email',
    'Primary Email',
    'Guardian1Email',
  ],
  'Guardian 2 Name': [
    'Parent 2 Name',
    'Contact 2 Name',
    'Guardian 2',
    'Parent 2',
    'Secondary Contact',
  ],
  'Guardian 2 Email': ['Parent 2 Email', 'Contact 2 Email', 'Secondary Email', 'Second Email'],
  Phone: ['Parent Phone', 'Guardian Phone', 'Phone Number', 'Home Phone', 'Mobile', 'Cell'],
  Language: [
    'Home Language',
    'Preferred Language',
    'Family Language',
    'Language Spoken at Home',
    'Primary Language',
    'Correspondence Language',
  ],
  Interpreter: [
    'Needs Interpreter',
    'Interpreter Needed',
    'Interpreter Required',
    'Requires Interpreter',
    'Translator',
  ],
  Notes: ['Note', 'Comments', 'Teacher Notes'],
};

export const TEACHER_ALIASES: Record<string, string[]> = {
  Teacher: ['Name', 'Teacher Name', 'Host', 'Staff'],
  Email: ['Teacher Email', 'Email Address', 'Staff Email'],
  Date: ['Day', 'Conference Date'],
  Start: ['Start Time', 'From', 'Begins'],
  End: ['End Time', 'To', 'Until', 'Ends'],
  Room: ['Location', 'Classroom', 'Room Number'],
  Capacity: ['Families at Once', 'Concurrent', 'Seats', 'Stations'],
  'Video Link': ['Video', 'Meet Link', 'Zoom', 'Online Link', 'Link'],
};
