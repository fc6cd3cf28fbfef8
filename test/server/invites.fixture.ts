/**
 * Helpers for the invites tests on the built bundle: a scheduled school, cheap copies of it, and
 * what a user would compare (each conference's row and event).
 */
import { createEmulator } from '../../emulator/index';
import { Bundle } from '../../emulator/loader';
import { openSchool, type School } from '../../preview/school';
import type { JobProgress } from '../../src/shared/api';
import type { EventState } from '../../emulator/calendar';
import { cutOffAt } from './cut';

import { ok } from './calls';

export { ok };

export function runJob(school: School, job: string): JobProgress[] {
  const steps: JobProgress[] = [];
  for (let i = 0; i < 200; i++) {
    const p = ok<JobProgress>(school.bundle.callFromClient('runJob', [job]));
    steps.push(p);
    if (p.done) return steps;
  }
  throw new Error(`${job} never finished`);
}

/** A school with its schedule built, ready to invite. */
export function scheduled(students: number, edit?: (school: School) => void): School {
  const school = openSchool({ students });
  edit?.(school);
  runJob(school, 'setup');
  runJob(school, 'schedule');
  return school;
}

/**
 * A fresh school holding a copy of another's sheets (cheaper than setting up and scheduling
 * again): the same bundle in a new emulator, cell by cell, so that dates stay this realm's Dates.
 */
export function copyOf(template: School): School {
  const emulator = createEmulator({
    now: template.emulator.ws.clock.now(),
    spreadsheetName: template.emulator.spreadsheet.name,
    timeZone: template.emulator.spreadsheet.timeZone,
    defaultUser: template.emulator.ws.defaultUser,
  });
  const doc = emulator.spreadsheet;
  template.emulator.spreadsheet.sheets.forEach((from, i) => {
    const to = i === 0 ? doc.sheets[0]! : doc.insertSheet(from.name);
    to.name = from.name;
    to.rows = from.rows.map((r) =>
      r.map((c) => c && { ...c, v: c.v instanceof Date ? new Date(c.v.getTime()) : c.v }),
    );
    to.maxRows = from.maxRows;
    to.maxColumns = from.maxColumns;
  });
  return { emulator, bundle: new Bundle(emulator, template.bundle.code, template.bundle.manifest) };
}

/**
 * copyOf, and the document's properties (settings, templates, codes, journals), frozen rows and
 * protections too: a copy on which every job runs as on the template, call for call.
 */
export function copyWithDocument(template: School): School {
  const school = copyOf(template);
  const key = (s: School) => `document:${s.emulator.spreadsheet.id}`;
  school.emulator.kv.properties.set(
    key(school),
    new Map(template.emulator.kv.properties.get(key(template))),
  );
  template.emulator.spreadsheet.sheets.forEach((from, i) => {
    const to = school.emulator.spreadsheet.sheets[i]!;
    to.frozenRows = from.frozenRows;
    to.frozenColumns = from.frozenColumns;
    to.protections.push(...from.protections.map((p) => ({ ...p, editors: [...p.editors] })));
  });
  return school;
}

export const sheetOf = (school: School) => school.emulator.spreadsheet.sheetByName('Schedule')!;
export const header = (school: School) => sheetOf(school).values()[0]!.map(String);
export const col = (school: School, name: string) => header(school).indexOf(name) + 1;
export const body = (school: School) => sheetOf(school).values().slice(1);
export const cellOf = (school: School, row: number, name: string) =>
  sheetOf(school).values()[row - 1]![col(school, name) - 1];

/** The address the Teachers sheet gives a teacher, lowercased ('' for a teacher it does not list). */
export function teacherAddress(school: School, teacher: string): string {
  const [h, ...rows] = school.emulator.spreadsheet.sheetByName('Teachers')!.values();
  const row = rows.find((r) => String(r[h!.indexOf('Teacher')]) === teacher);
  return row ? String(row[h!.indexOf('Email')]).toLowerCase() : '';
}

/** Who a Schedule row's event should invite: its family's addresses and its host teacher, sorted. */
export function guestsOfRow(school: School, row: unknown[]): string[] {
  const h = header(school);
  const family = String(row[h.indexOf('Emails')])
    .split(/[;,]\s*/)
    .map((x) => x.trim().toLowerCase())
    .filter(Boolean);
  const teacher = teacherAddress(school, String(row[h.indexOf('Teacher')]));
  return [...family, ...(teacher ? [teacher] : [])].sort();
}

/** The addresses of an Emails cell as a person reads them: trimmed, lower-cased, in order. */
export const addressesIn = (cell: unknown) =>
  String(cell)
    .split(/[;,]/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);

/** Sets a Schedule cell as a person typing it would (no execution: costs nothing, counts nothing). */
export function scheduleRange(school: School) {
  return school.emulator.globals.SpreadsheetApp.getActiveSpreadsheet()!.getSheetByName('Schedule')!;
}

export function type(school: School, row: number, name: string, value: unknown): void {
  scheduleRange(school).getRange(row, col(school, name)).setValue(value);
}

/** The Roster as a person edits it. */
const rosterSheet = (school: School) =>
  school.emulator.globals.SpreadsheetApp.getActiveSpreadsheet()!.getSheetByName('Roster')!;

/**
 * Lists an address with a Schedule row's children, as a person typing it on the Roster would:
 * in the Guardian 2 Email cell of each of their Roster rows (which must be blank).
 */
export function listOnRoster(school: School, row: number, address: string): void {
  const ids = String(cellOf(school, row, 'Student IDs')).split(/;\s*/);
  const roster = rosterSheet(school);
  const values = roster.getDataRange().getValues();
  const at = values[0]!.indexOf('Guardian 2 Email') + 1;
  values.forEach((r, i) => {
    if (!ids.includes(String(r[0]))) return;
    if (r[at - 1] !== '') throw new Error(`Roster row ${i + 1} already has a second guardian`);
    roster.getRange(i + 1, at).setValue(address);
  });
}

/** Replaces an address wherever the Roster lists it ('' takes it off), as a person would. */
export function replaceOnRoster(school: School, address: string, by: string): void {
  const roster = rosterSheet(school);
  roster
    .getDataRange()
    .getValues()
    .forEach((r, i) =>
      r.forEach((v, j) => {
        if (String(v).toLowerCase() === address) roster.getRange(i + 1, j + 1).setValue(by);
      }),
    );
}

/** Events on the conference calendar (not anyone's default one). */
export function events(school: School): EventState[] {
  return school.emulator.calendar
    .events()
    .filter((e) => e.calendarId.endsWith('@group.calendar.google.com'));
}

export function eventOfRow(school: School, row: number): EventState {
  const id = String(cellOf(school, row, 'Event ID'));
  const e = school.emulator.calendar.events().find((x) => x.id === id);
  if (!e) throw new Error(`no event for row ${row}`);
  return e;
}

export function calendarCalls(school: School): number {
  const r = school.emulator.ws.reports.at(-1)!;
  return Object.entries(r.callsByMethod)
    .filter(([m]) => m.startsWith('CalendarApp.'))
    .reduce((n, [, c]) => n + c, 0);
}

/** What a user would compare: per conference, its row and its event, without random IDs and stamps. */
export function picture(school: School) {
  const byId = new Map(school.emulator.calendar.events().map((e) => [e.id, e]));
  const rows = body(school).map((r) => {
    const h = header(school);
    const get = (name: string) => r[h.indexOf(name)];
    const e = byId.get(String(get('Event ID')));
    return {
      conference: get('Conference ID'),
      status: get('Status'),
      sent: get('Invite Sent') instanceof Date,
      event: e && {
        tag: e.tags['slc-conference'],
        title: e.title,
        description: e.description,
        location: e.location,
        start: e.start,
        end: e.end,
        guests: e.guests.map((g) => g.email).sort(),
        hidden: !e.guestsCanSeeGuests,
      },
    };
  });
  return {
    rows,
    events: events(school).length,
    tags: events(school)
      .map((e) => e.tags['slc-conference'])
      .sort(),
  };
}

/** How many service calls a whole sync makes, and what it leaves, when nothing goes wrong. */
export function uninterrupted(template: School) {
  const clean = copyOf(template);
  const start = clean.emulator.ws.callCount;
  runJob(clean, 'invites');
  const methods = clean.emulator.ws.callLog.slice(start).map((c) => `${c.service}.${c.method}`);
  return { total: clean.emulator.ws.callCount - start, want: picture(clean), methods };
}

/** The calls where a cut matters most: making an event (with its guests) and hiding them. */
const MUST_CUT = [
  'CalendarApp.Calendar.createEvent',
  'CalendarApp.CalendarEvent.setGuestsCanSeeGuests',
];

/**
 * Cuts a 50-conference sync off at call k, runs it to the end, and checks it ends exactly as an
 * uninterrupted one: for every k with k % parts === part (the test files split the calls so
 * that jest runs them side by side). Every cut is checked to have happened, at call k; the end
 * state is also checked against the Schedule itself (expectInvitedAsScheduled), not only
 * against the uninterrupted run.
 */
export function cutAtEveryCall(part: number, parts: number): void {
  const template = scheduled(50);
  const { total, want, methods } = uninterrupted(template);
  expect(want.events).toBeGreaterThanOrEqual(45);
  const cutCalls = new Set<string>();
  // Every part also cuts at the first of each call that matters most, whichever part its number
  // falls in: a chunk makes the same few calls per event, so one parity may never meet one of them.
  const ks = new Set<number>(MUST_CUT.map((m) => methods.indexOf(m)));
  for (let k = part; k < total; k += parts) ks.add(k);
  for (const k of [...ks].sort((a, b) => a - b)) {
    const school = copyOf(template);
    // Cut off: the sidebar would show the error; the user presses Continue.
    const cut = cutOffAt(school.emulator.ws, k, () => runJob(school, 'invites'));
    cutCalls.add(cut);
    runJob(school, 'invites');
    expectInvitedAsScheduled(school, `after a cut at call ${k} (${cut})`);
    if (JSON.stringify(picture(school)) !== JSON.stringify(want))
      throw new Error(`differs after a cut at call ${k} (${cut}) of ${total}`);
  }
  // The sweep did cut where it matters: making an event (with its guests) and hiding them.
  expect([...cutCalls]).toEqual(expect.arrayContaining(MUST_CUT));
}

/**
 * What the Schedule asks for, read from its rows: one event per conference on the school's
 * calendar, tagged with its Conference ID, private, with exactly the row's addresses and its host
 * teacher as guests, each invited once.
 */
export function expectInvitedAsScheduled(school: School, when: string): void {
  const rows = body(school);
  const h = header(school);
  const cal = events(school);
  const problems: string[] = [];
  if (cal.length !== rows.length) problems.push(`${cal.length} events for ${rows.length} rows`);
  for (const r of rows) {
    const id = String(r[h.indexOf('Conference ID')]);
    const mine = cal.filter((e) => e.tags['slc-conference'] === id);
    const guests = guestsOfRow(school, r);
    if (mine.length !== 1) problems.push(`${id}: ${mine.length} events`);
    else if (String(r[h.indexOf('Event ID')]) !== mine[0]!.id)
      problems.push(`${id}: the row's Event ID is not its event`);
    else if (JSON.stringify(mine[0]!.guests.map((g) => g.email).sort()) !== JSON.stringify(guests))
      problems.push(`${id}: guests ${mine[0]!.guests.map((g) => g.email).join()}`);
    else if (mine[0]!.guestsCanSeeGuests) problems.push(`${id}: guests see each other`);
  }
  const invites = school.emulator.calendar.invitations
    .filter((i) => i.kind === 'invite')
    .map((i) => `${i.eventId} ${i.to}`);
  if (new Set(invites).size !== invites.length) problems.push('a guest was invited twice');
  for (const e of cal)
    for (const g of e.guests)
      if (!invites.includes(`${e.id} ${g.email}`)) problems.push(`${g.email} was never invited`);
  if (problems.length) throw new Error(`${when}: ${problems.join('; ')}`);
}
