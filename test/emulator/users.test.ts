/**
 * Two users of one emulated Workspace: what each may see and change of the other's calendars,
 * forms and triggers. Each case names the Google page or public report it follows.
 */
import { ACTION_NOT_ALLOWED_MESSAGE, NO_CALENDAR_ACCESS_MESSAGE } from '../../emulator/calendar';
import { FORM_ERRORS } from '../../emulator/forms';
import { createEmulator } from '../../emulator/index';

const A = 'a@school.example';
const B = 'b@school.example';

function workspace() {
  const e = createEmulator({ defaultUser: A });
  const as = <T>(user: string, fn: () => T): T => e.ws.execute({ entry: 'test', user }, fn);
  return { ...e, as };
}

const start = () => new Date('2026-11-10T20:00:00Z');
const end = () => new Date('2026-11-10T20:20:00Z');

// https://developers.google.com/apps-script/reference/calendar/calendar-app ("Class CalendarApp")
describe('CalendarApp with two users', () => {
  function aCalendar() {
    const w = workspace();
    const id = w.as(A, () => {
      const c = w.globals.CalendarApp.createCalendar('Conferences');
      c.createEvent('Conference', start(), end());
      return c.getId();
    });
    return { ...w, id };
  }

  it('getCalendarById: null for a calendar of another user that is not shared', () => {
    const { as, globals, id } = aCalendar();
    expect(as(B, () => globals.CalendarApp.getCalendarById(id))).toBeNull();
    expect(as(A, () => globals.CalendarApp.getCalendarById(id)!.getName())).toBe('Conferences');
  });

  it('getCalendarsByName lists only calendars the user owns or is subscribed to', () => {
    const { as, globals, calendar, id } = aCalendar();
    expect(as(B, () => globals.CalendarApp.getCalendarsByName('Conferences'))).toHaveLength(0);
    calendar.share(id, B, 'writer');
    expect(as(B, () => globals.CalendarApp.getCalendarsByName('Conferences'))).toHaveLength(0);
    as(B, () => globals.CalendarApp.subscribeToCalendar(id));
    expect(
      as(B, () => globals.CalendarApp.getCalendarsByName('Conferences').map((c) => c.getId())),
    ).toEqual([id]);
    expect(as(B, () => globals.CalendarApp.getAllOwnedCalendars().map((c) => c.getId()))).toEqual([
      B,
    ]);
  });

  it('a shared calendar is found by ID once the user is subscribed ("null ... if the user is not subscribed")', () => {
    const { as, globals, calendar, id } = aCalendar();
    calendar.share(id, B, 'writer');
    expect(as(B, () => globals.CalendarApp.getCalendarById(id))).toBeNull();
    expect(as(B, () => globals.CalendarApp.subscribeToCalendar(id).getId())).toBe(id);
    expect(as(B, () => globals.CalendarApp.getCalendarById(id)!.isOwnedByMe())).toBe(false);
  });

  it('the switch sharingSubscribes puts a shared calendar in the list at once', () => {
    const { as, globals, calendar, id } = aCalendar();
    calendar.sharingSubscribes = true;
    calendar.share(id, B, 'reader');
    expect(as(B, () => globals.CalendarApp.getCalendarById(id)!.getId())).toBe(id);
  });

  it('subscribeToCalendar fails for a calendar not shared with the user', () => {
    const { as, globals, id } = aCalendar();
    expect(() => as(B, () => globals.CalendarApp.subscribeToCalendar(id))).toThrow(
      NO_CALENDAR_ACCESS_MESSAGE,
    );
  });

  // "Exception: Action not allowed error on shared google sheet."
  // (https://github.com/davepar/gcalendarsync/issues/82): a share without "Make changes to events".
  it('a reader sees the events but every change is "Action not allowed"; a writer changes them', () => {
    const { as, globals, calendar, id } = aCalendar();
    calendar.sharingSubscribes = true;
    calendar.share(id, B, 'reader');
    const title = () =>
      as(B, () => {
        const c = globals.CalendarApp.getCalendarById(id)!;
        return c.getEvents(start(), end())[0]!.getTitle();
      });
    expect(title()).toBe('Conference');
    const move = () =>
      as(B, () => {
        const c = globals.CalendarApp.getCalendarById(id)!;
        c.getEvents(start(), end())[0]!.setTitle('Moved');
      });
    const add = () =>
      as(B, () => globals.CalendarApp.getCalendarById(id)!.createEvent('New', start(), end()));
    const remove = () =>
      as(B, () =>
        globals.CalendarApp.getCalendarById(id)!.getEvents(start(), end())[0]!.deleteEvent(),
      );
    expect(move).toThrow(ACTION_NOT_ALLOWED_MESSAGE);
    expect(add).toThrow(ACTION_NOT_ALLOWED_MESSAGE);
    expect(remove).toThrow(ACTION_NOT_ALLOWED_MESSAGE);
    expect(calendar.events(id).map((e) => e.title)).toEqual(['Conference']);
    calendar.share(id, B, 'writer');
    move();
    expect(calendar.events(id).map((e) => e.title)).toEqual(['Moved']);
    remove();
    expect(calendar.events(id)).toHaveLength(0);
  });

  it('unsharing takes the calendar out of the other user’s reach again', () => {
    const { as, globals, calendar, id } = aCalendar();
    calendar.sharingSubscribes = true;
    calendar.share(id, B, 'writer');
    calendar.share(id, B, null);
    expect(as(B, () => globals.CalendarApp.getCalendarById(id))).toBeNull();
  });
});

// https://developers.google.com/apps-script/reference/forms/form-app, and the message scripts
// report for a form they cannot open (https://github.com/stevenschmatz/export-google-form/issues/5)
describe('FormApp with two users', () => {
  it("openById: another user's form fails as a missing one does, until they are a collaborator", () => {
    const { as, globals, forms } = workspace();
    const id = as(A, () => globals.FormApp.create('Availability').getId());
    expect(forms.get(id)!.owner).toBe(A);
    expect(() => as(B, () => globals.FormApp.openById(id))).toThrow(FORM_ERRORS.notFound);
    expect(() => as(B, () => globals.FormApp.openById('no-such-form'))).toThrow(
      FORM_ERRORS.notFound,
    );
    forms.share(id, B);
    expect(as(B, () => globals.FormApp.openById(id).getTitle())).toBe('Availability');
  });

  it('a deleted form fails for its owner with the same message', () => {
    const { as, globals, forms } = workspace();
    const id = as(A, () => globals.FormApp.create('Availability').getId());
    forms.delete(id);
    expect(() => as(A, () => globals.FormApp.openById(id))).toThrow(FORM_ERRORS.notFound);
  });
});

// https://developers.google.com/apps-script/reference/script/script-app (getUserTriggers: "owned
// by this user in the given spreadsheet") and
// https://developers.google.com/apps-script/guides/triggers/installable#restrictions (a trigger
// runs as the person who created it)
describe('ScriptApp with two users', () => {
  it("each user sees only their own triggers, and may add their own beside the other's", () => {
    const { as, globals, spreadsheet, triggers } = workspace();
    const ss = () => globals.SpreadsheetApp.getActiveSpreadsheet()!;
    as(A, () => globals.ScriptApp.newTrigger('remind').timeBased().everyHours(1).create());
    expect(as(B, () => globals.ScriptApp.getUserTriggers(ss()))).toHaveLength(0);
    expect(as(B, () => globals.ScriptApp.getProjectTriggers())).toHaveLength(0);
    as(B, () => globals.ScriptApp.newTrigger('remind').timeBased().everyHours(1).create());
    expect(triggers.triggers.map((t) => [t.user, t.documentId])).toEqual([
      [A, spreadsheet.id],
      [B, spreadsheet.id],
    ]);
    expect(as(A, () => globals.ScriptApp.getUserTriggers(ss()).length)).toBe(1);
  });
});
