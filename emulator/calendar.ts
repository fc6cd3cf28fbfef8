/**
 * CalendarApp: the user's calendars and their events, guests with their answers, tags, and the
 * daily "events created" quota.
 *
 * References (what each behaviour follows):
 * - https://developers.google.com/apps-script/reference/calendar/calendar-app
 * - https://developers.google.com/apps-script/reference/calendar/calendar
 * - https://developers.google.com/apps-script/reference/calendar/calendar-event
 * - https://developers.google.com/apps-script/reference/calendar/event-guest
 * - https://developers.google.com/apps-script/reference/calendar/guest-status
 * - https://developers.google.com/apps-script/guides/services/quotas (Calendar events created:
 *   5,000 a day consumer, 10,000 Workspace)
 * - https://developers.google.com/calendar/api/guides/extended-properties#limits (tags are the
 *   event's extended properties: keys over 44 characters are silently dropped, values over 1024
 *   characters silently truncated)
 *
 * Documented behaviour modelled here:
 * - The default calendar's ID is the user's email address (Calendar.getId).
 * - CalendarApp.getEventById only finds events of the default calendar; an event of another
 *   calendar must be looked up through that Calendar (Calendar.getEventById). Both return null
 *   when the event doesn't exist or the user cannot reach it.
 * - getEvents returns events that start in, end in, or encompass [start, end) (end is
 *   non-inclusive); filtering on author, search and statusFilters happens after start and max.
 * - getEventsForDay spans midnight to midnight in the calendar's time zone.
 * - getGuestList() leaves out the owner, getGuestList(true) includes them as OWNER; getMyStatus
 *   is always OWNER for the event's owner; EventGuest.getName falls back to the email address.
 * - createEvent options: description, location, guests (comma-separated), sendInvites (default
 *   false).
 *
 * Assumptions (not found in Google's pages; plausible, and named here so they are easy to fix):
 * - The end-before-start message is the one developers commonly report from Apps Script
 *   (EVENT_TIME_ORDER_MESSAGE); an event may start and end at the same instant.
 * - The quota message follows Apps Script's "Service invoked too many times for one day: X."
 *   form (CALENDAR_QUOTA_MESSAGE), as reported by scripts that hit it.
 * - A non-Date start or end fails as every Apps Script method given the wrong types does in the
 *   V8 runtime ("The parameters (String,String) don't match the method signature for
 *   CalendarApp.CalendarEvent.setTime."); an Invalid Date gives "Invalid argument: startTime".
 * - An invalid guest address gives "Invalid argument: guests" (createEvent) or "Invalid argument:
 *   email" (addGuest), and nothing is changed.
 * - Anything done through a CalendarEvent after it was deleted (getId excepted) throws
 *   DELETED_EVENT_MESSAGE; getEventById no longer finds it.
 * - Invitations (CalendarStore.invitations): what guests would receive. Only events created with
 *   sendInvites: true send mail, and then: an 'invite' to every guest on creation and to a guest
 *   added later with addGuest; an 'update' to every guest when the title, description, location
 *   or time changes; a 'cancel' to a removed guest, and to every guest when the event is deleted.
 * - A calendar made by createCalendar has an ID like "<26 chars>@group.calendar.google.com".
 *
 * Several users (ws.current.user; CalendarStore.share is a person sharing in Calendar's UI):
 * - getCalendarById returns "null if the calendar does not exist, if the user cannot access it,
 *   or if the user is not subscribed to the calendar"; getCalendarsByName and getAllCalendars
 *   list the calendars "the user owns or is subscribed to"; subscribeToCalendar "subscribes the
 *   user to the calendar with the given ID, if the user is allowed to subscribe"
 *   (https://developers.google.com/apps-script/reference/calendar/calendar-app, "Class
 *   CalendarApp"). So a calendar made by A is nobody else's until A shares it.
 * - Sharing roles are Calendar's: 'reader' ("See all event details") and 'writer' ("Make changes
 *   to events"). A change by a reader fails with "Action not allowed", as reported by a Sheets
 *   add-on's second user whose calendar share lacked "Make changes to events" ("Exception: Action
 *   not allowed error on shared google sheet.", https://github.com/davepar/gcalendarsync/issues/82).
 * - Unknown: whether sharing puts the calendar in the other user's list at once (Google
 *   Calendar's UI offers the shared calendar as a link to add). `sharingSubscribes` (default
 *   false) switches it; without it the user must subscribe (subscribeToCalendar) before
 *   getCalendarById finds it. subscribeToCalendar's message for a calendar the user may not
 *   reach is the emulator's (NO_CALENDAR_ACCESS_MESSAGE).
 * - Guests' names are unknown to the emulator, so EventGuest.getName returns the address.
 * - Latency (see latency.ts; an assumption like every figure there): creating an event ~800 ms
 *   plus 30 ms per guest, fetching one ~300 ms, a change ~250 ms, a read of an event already
 *   fetched ~5 ms, a search ~400 ms plus 10 ms per event found, a delete ~400 ms.
 */
import { registerLatency, type Cost } from './latency';
import { type Access, AppsScriptException, type Workspace } from './runtime';
import { instantOf, isValidTimeZone, wallClock } from './tz';

export const CALENDAR_QUOTA_MESSAGE = 'Service invoked too many times for one day: calendar.';
export const EVENT_TIME_ORDER_MESSAGE = 'Event start date must be before event end date.';
/**
 * Calendar's short-term limit, word for word as scripts report it (googleworkspace/java-samples#1,
 * davepar/gcalendarsync#52, derekantrican/GAS-ICS-Sync#46; docs/EMULATOR.md row 32). It passes
 * after a pause; see CalendarStore.writesPerMinute.
 */
export const CALENDAR_RATE_MESSAGE =
  'You have been creating or deleting too many calendars or calendar events in a short time. Please try again later.';
/** Assumed wording: Google's reference does not say what a deleted event's methods throw. */
export const DELETED_EVENT_MESSAGE = 'Event has been deleted.';
/** A change by a user without "Make changes to events" (davepar/gcalendarsync#82). */
export const ACTION_NOT_ALLOWED_MESSAGE = 'Action not allowed';
/** Assumed wording: subscribeToCalendar for a calendar the user may not reach. */
export const NO_CALENDAR_ACCESS_MESSAGE = 'You do not have access to this calendar.';
export const DEFAULT_CALENDAR_TIME_ZONE = 'America/New_York';
/** Extended-property limits of the Calendar API, which CalendarEvent tags are stored as. */
export const TAG_KEY_LIMIT = 44;
export const TAG_VALUE_LIMIT = 1024;

const SERVICE = 'CalendarApp';

const GETTER: Cost = { base: 5 };
const SETTER: Cost = { base: 250 };
const CREATE: Cost = { base: 800, perUnit: 30 };
const FETCH: Cost = { base: 300 };
const SEARCH: Cost = { base: 400, perUnit: 10 };

const EVENT_GETTERS = [
  'getId',
  'getTitle',
  'getDescription',
  'getLocation',
  'getStartTime',
  'getEndTime',
  'getGuestList',
  'getGuestByEmail',
  'getTag',
  'getAllTagKeys',
  'guestsCanSeeGuests',
  'guestsCanModify',
  'guestsCanInviteOthers',
  'getLastUpdated',
  'getDateCreated',
  'getCreators',
  'getMyStatus',
  'getOriginalCalendarId',
  'isOwnedByMe',
];
const EVENT_SETTERS = [
  'setTitle',
  'setDescription',
  'setLocation',
  'setTime',
  'addGuest',
  'removeGuest',
  'setTag',
  'deleteTag',
  'setGuestsCanSeeGuests',
  'setGuestsCanModify',
  'setGuestsCanInviteOthers',
];
const CALENDAR_GETTERS = [
  'getId',
  'getName',
  'getTimeZone',
  'getDescription',
  'isOwnedByMe',
  'isMyPrimaryCalendar',
];

registerLatency(SERVICE, {
  getDefaultCalendar: { base: 100 },
  getCalendarById: { base: 150 },
  getOwnedCalendarById: { base: 150 },
  getCalendarsByName: { base: 200 },
  getAllCalendars: { base: 200 },
  getAllOwnedCalendars: { base: 200 },
  subscribeToCalendar: { base: 500 },
  createCalendar: { base: 1000 },
  getEventById: FETCH,
  createEvent: CREATE,
  getEvents: SEARCH,
  getEventsForDay: SEARCH,
  getId: GETTER,
  getName: GETTER,
  getTimeZone: GETTER,
  'Calendar.createEvent': CREATE,
  'Calendar.getEventById': FETCH,
  'Calendar.getEvents': SEARCH,
  'Calendar.getEventsForDay': SEARCH,
  ...Object.fromEntries(CALENDAR_GETTERS.map((m) => [`Calendar.${m}`, GETTER])),
  ...Object.fromEntries(EVENT_GETTERS.map((m) => [`CalendarEvent.${m}`, GETTER])),
  ...Object.fromEntries(EVENT_SETTERS.map((m) => [`CalendarEvent.${m}`, SETTER])),
  'CalendarEvent.deleteEvent': { base: 400 },
  'Calendar.deleteCalendar': { base: 600 },
  'EventGuest.getEmail': GETTER,
  'EventGuest.getName': GETTER,
  'EventGuest.getGuestStatus': GETTER,
  'EventGuest.getAdditionalGuests': GETTER,
});

const CALENDAR_SCOPE = 'https://www.googleapis.com/auth/calendar';
const FEEDS_SCOPE = 'https://www.google.com/calendar/feeds';
const EVENTS_SCOPE = 'https://www.googleapis.com/auth/calendar.events';
/** Changes: the scopes Google lists, plus calendar.events ("appropriate scopes from the related REST API"). */
const WRITE: Access = { auth: 'full', scopes: [CALENDAR_SCOPE, EVENTS_SCOPE, FEEDS_SCOPE] };
/**
 * Making a calendar: the reference lists only the full calendar scope (and the old feeds one);
 * calendar.events covers events, not calendars (REST calendars.insert: calendar or
 * calendar.app.created, which CalendarApp does not accept).
 */
const MAKE_CALENDAR: Access = { auth: 'full', scopes: [CALENDAR_SCOPE, FEEDS_SCOPE] };
/** Reads also work with the read-only scopes the reference lists for getters. */
const READ: Access = {
  auth: 'full',
  scopes: [
    CALENDAR_SCOPE,
    'https://www.googleapis.com/auth/calendar.readonly',
    EVENTS_SCOPE,
    'https://www.googleapis.com/auth/calendar.events.readonly',
    FEEDS_SCOPE,
  ],
};

const EMAIL = /^[^@\s<>(),;:"]+@[^@\s<>(),;:"]+\.[^@\s<>(),;:"]+$/;

/** https://developers.google.com/apps-script/reference/calendar/guest-status */
export type GuestStatusName = 'INVITED' | 'YES' | 'NO' | 'MAYBE' | 'OWNER';
export type GuestAnswer = Exclude<GuestStatusName, 'OWNER'>;
export const GuestStatus = Object.freeze({
  INVITED: 'INVITED',
  MAYBE: 'MAYBE',
  NO: 'NO',
  OWNER: 'OWNER',
  YES: 'YES',
} as const);

export interface GuestState {
  email: string;
  status: GuestAnswer;
}

export interface CalendarState {
  id: string;
  name: string;
  /** The owner's email, lower-cased. */
  owner: string;
  timeZone: string;
  description: string;
  /** True for a user's default calendar (ID = their email). */
  primary: boolean;
  createdAt: number;
  /** Who it is shared with (lower-cased email → role); the owner is not listed. */
  sharedWith: Record<string, CalendarRole>;
  /** Users other than the owner who have it in their calendar list (lower-cased). */
  subscribers: string[];
}

/** Calendar's sharing roles: "See all event details" and "Make changes to events". */
export type CalendarRole = 'reader' | 'writer';

export interface EventState {
  /** iCalUID, e.g. "k3j...@google.com". */
  id: string;
  calendarId: string;
  title: string;
  description: string;
  location: string;
  /** Milliseconds since the epoch. */
  start: number;
  end: number;
  guests: GuestState[];
  tags: Record<string, string>;
  guestsCanSeeGuests: boolean;
  guestsCanModify: boolean;
  guestsCanInviteOthers: boolean;
  /** Who created it (the effective user at createEvent), lower-cased. */
  creator: string;
  /** Whether it was created with sendInvites: true (see Invitation). */
  sendInvites: boolean;
  createdAt: number;
  updatedAt: number;
  deleted?: boolean;
}

/** A mail a guest would receive; only for events created with sendInvites: true. */
export interface Invitation {
  eventId: string;
  to: string;
  kind: 'invite' | 'update' | 'cancel';
  /** Virtual-clock milliseconds. */
  at: number;
  /**
   * The other guests this mail lists: all of them while the event lets guests see guests, none
   * once it does not. Our reading (Calendar's invitations list guests unless the list is
   * hidden); Google does not say whether the mail is composed at once or after later calls.
   */
  shows: string[];
}

export interface CalendarStoreOptions {
  /** Time zone of users' default calendars; default America/New_York. */
  timeZone?: string;
  /** See the header: sharing a calendar also puts it in the other user's list. */
  sharingSubscribes?: boolean;
}

const lower = (s: string) => s.toLowerCase();
const copy = <T>(x: T): T => structuredClone(x);

function byStart(a: EventState, b: EventState): number {
  return (
    a.start - b.start ||
    a.end - b.end ||
    a.createdAt - b.createdAt ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * Plain state of every user's calendars and events. Nothing here is counted or timed: the
 * CalendarApp facade is what scripts call; tests and the preview read and nudge the state here.
 */
export class CalendarStore {
  readonly timeZone: string;
  /** See the header: whether sharing a calendar subscribes the user it is shared with. */
  sharingSubscribes: boolean;
  /** What guests would have received; see Invitation. */
  readonly invitations: Invitation[] = [];
  private readonly calendarsById = new Map<string, CalendarState>();
  private readonly eventsById = new Map<string, EventState>();
  /**
   * Switch: the short-term limit. When set, creating or deleting an event or a calendar beyond
   * this many in the last 60 seconds (virtual clock) throws CALENDAR_RATE_MESSAGE and changes
   * nothing. Google publishes no figure; null (the default) models no such limit.
   */
  writesPerMinute: number | null = null;
  /**
   * Switch: whether CalendarEvent.addGuest sends the added guest an invitation (on an event
   * created with sendInvites: true). On by default, as this emulator always did. Google's
   * reference says only "Adds a guest to the event"; a guest added by a script is reported not
   * to be notified (docs/EMULATOR.md row 34): turn it off to see what families would get then.
   */
  addGuestSendsInvite = true;
  /**
   * Switch: whether getEventById still finds an event once it is deleted. Off by default (it
   * gives null, as the emulator always did). Google's reference is silent and
   * the Calendar API keeps deleted events as "cancelled" (docs/EMULATOR.md row 37): turned on,
   * a deleted event is found, reads of it answer, and changes to it are silently lost (it stays
   * deleted, seen by nobody), the worst an add-on could meet.
   */
  deletedEventsFound = false;
  /** When each counted create or delete happened (ms), for writesPerMinute. */
  private readonly recentWrites: number[] = [];

  constructor(
    private readonly ws: Workspace,
    options: CalendarStoreOptions = {},
  ) {
    this.timeZone = options.timeZone ?? DEFAULT_CALENDAR_TIME_ZONE;
    this.sharingSubscribes = options.sharingSubscribes ?? false;
    this.defaultCalendarOf(ws.defaultUser);
  }

  /** Counts one create or delete against writesPerMinute, or throws Google's rate-limit error. */
  rateLimit(): void {
    if (this.writesPerMinute === null) return;
    const now = this.ws.clock.now();
    while (this.recentWrites.length && this.recentWrites[0]! <= now - 60_000)
      this.recentWrites.shift();
    if (this.recentWrites.length >= this.writesPerMinute)
      throw new AppsScriptException(CALENDAR_RATE_MESSAGE);
    this.recentWrites.push(now);
  }

  /** The user's default calendar (ID and name = their email), made on first use. */
  defaultCalendarOf(user: string): CalendarState {
    const id = lower(user);
    let calendar = this.calendarsById.get(id);
    if (!calendar) {
      calendar = {
        id,
        name: id,
        owner: id,
        timeZone: this.timeZone,
        description: '',
        primary: true,
        createdAt: this.ws.clock.now(),
        sharedWith: {},
        subscribers: [],
      };
      this.calendarsById.set(id, calendar);
    }
    return calendar;
  }

  /** A secondary calendar owned by the user (CalendarApp.createCalendar). */
  addCalendar(
    owner: string,
    name: string,
    options: { timeZone?: string; description?: string } = {},
  ): CalendarState {
    let id: string;
    do id = `${this.ws.randomId(26).toLowerCase()}@group.calendar.google.com`;
    while (this.calendarsById.has(id));
    const calendar: CalendarState = {
      id,
      name,
      owner: lower(owner),
      timeZone: options.timeZone ?? this.timeZone,
      description: options.description ?? '',
      primary: false,
      createdAt: this.ws.clock.now(),
      sharedWith: {},
      subscribers: [],
    };
    this.calendarsById.set(id, calendar);
    return calendar;
  }

  /** Live state (not a copy) of a calendar, for the facade. */
  calendar(id: string): CalendarState | undefined {
    return this.calendarsById.get(lower(id));
  }

  /** Calendars the user owns, their default first. */
  calendarsOf(user: string): CalendarState[] {
    this.defaultCalendarOf(user);
    const owner = lower(user);
    return [...this.calendarsById.values()]
      .filter((c) => c.owner === owner)
      .sort((a, b) => Number(b.primary) - Number(a.primary));
  }

  /** The user's calendar list: what they own, then what they are subscribed to and may reach. */
  listedFor(user: string): CalendarState[] {
    const who = lower(user);
    const subscribed = [...this.calendarsById.values()].filter(
      (c) => c.owner !== who && c.subscribers.includes(who) && this.accessOf(who, c.id) !== null,
    );
    return [...this.calendarsOf(who), ...subscribed];
  }

  /** What the user may do on a calendar: 'owner', a shared role, or null (nothing). */
  accessOf(user: string, calendarId: string): 'owner' | CalendarRole | null {
    const calendar = this.calendar(calendarId);
    if (!calendar) return null;
    const who = lower(user);
    if (calendar.owner === who) return 'owner';
    return calendar.sharedWith[who] ?? null;
  }

  /**
   * The owner shares a calendar (Calendar's "Share with specific people"); role null stops
   * sharing. With `sharingSubscribes`, the calendar is in the other user's list at once.
   */
  share(calendarId: string, user: string, role: CalendarRole | null): void {
    const calendar = this.calendar(calendarId);
    if (!calendar) throw new Error(`No calendar ${calendarId}`);
    const who = lower(user);
    if (role === null) {
      delete calendar.sharedWith[who];
      calendar.subscribers = calendar.subscribers.filter((s) => s !== who);
      return;
    }
    calendar.sharedWith[who] = role;
    if (this.sharingSubscribes) this.subscribe(who, calendar.id);
  }

  /** The user adds a calendar to their list (CalendarApp.subscribeToCalendar, or Calendar's UI). */
  subscribe(user: string, calendarId: string): void {
    const calendar = this.calendar(calendarId);
    const who = lower(user);
    if (calendar && calendar.owner !== who && !calendar.subscribers.includes(who))
      calendar.subscribers.push(who);
  }

  /** The owner deletes a calendar in Calendar's UI: it and its events are gone for everyone. */
  deleteCalendar(calendarId: string): void {
    const calendar = this.calendar(calendarId);
    if (!calendar) throw new Error(`No calendar ${calendarId}`);
    for (const e of this.liveEventsOf(calendar.id)) e.deleted = true;
    this.calendarsById.delete(calendar.id);
  }

  /** Live state (not a copy) of an event, deleted or not, for the facade. */
  event(id: string): EventState | undefined {
    return this.eventsById.get(id);
  }

  /** Live events of one calendar, by start time. */
  liveEventsOf(calendarId: string): EventState[] {
    const id = lower(calendarId);
    return [...this.eventsById.values()]
      .filter((e) => e.calendarId === id && !e.deleted)
      .sort(byStart);
  }

  addEvent(fields: Omit<EventState, 'id' | 'createdAt' | 'updatedAt'>): EventState {
    let id: string;
    do id = `${this.ws.randomId(26).toLowerCase()}@google.com`;
    while (this.eventsById.has(id));
    const now = this.ws.clock.now();
    const event: EventState = { ...fields, id, createdAt: now, updatedAt: now };
    this.eventsById.set(id, event);
    return event;
  }

  /** Logs mail to guests when the event sends invitations (see Invitation). */
  notify(
    event: EventState,
    kind: Invitation['kind'],
    to: string[] = event.guests.map((g) => g.email),
  ): void {
    if (!event.sendInvites) return;
    for (const address of to)
      this.invitations.push({
        eventId: event.id,
        to: address,
        kind,
        at: this.ws.clock.now(),
        shows: event.guestsCanSeeGuests
          ? event.guests.map((g) => g.email).filter((g) => lower(g) !== lower(address))
          : [],
      });
  }

  /** Copies of every calendar. */
  calendars(): CalendarState[] {
    return [...this.calendarsById.values()].map(copy);
  }

  /** Copies of the events (of one calendar, or all), by start time; deleted ones only when asked. */
  events(calendarId?: string, includeDeleted = false): EventState[] {
    const id = calendarId === undefined ? undefined : lower(calendarId);
    return [...this.eventsById.values()]
      .filter((e) => (id === undefined || e.calendarId === id) && (includeDeleted || !e.deleted))
      .sort(byStart)
      .map(copy);
  }

  /**
   * A guest answers the invitation (as a family would from their own calendar). Throws a plain
   * Error for an unknown or deleted event or an address that is not a guest: it is a test helper.
   */
  respond(eventId: string, email: string, status: GuestAnswer): void {
    const event = this.eventsById.get(eventId);
    if (!event || event.deleted) throw new Error(`No event ${eventId}`);
    if (!['YES', 'NO', 'MAYBE', 'INVITED'].includes(status))
      throw new Error(`Not a guest answer: ${status}`);
    const guest = event.guests.find((g) => lower(g.email) === lower(email));
    if (!guest) throw new Error(`${email} is not a guest of ${eventId}`);
    guest.status = status;
    event.updatedAt = this.ws.clock.now();
  }

  toJSON() {
    return {
      timeZone: this.timeZone,
      calendars: this.calendars(),
      events: this.events(),
      deletedEvents: this.events(undefined, true).filter((e) => e.deleted),
      invitations: this.invitations.map(copy),
    };
  }
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** How Apps Script names argument types in "The parameters (...) don't match" messages. */
function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (isDate(value)) return 'Date';
  if (Array.isArray(value)) return 'Object[]';
  switch (typeof value) {
    case 'string':
      return 'String';
    case 'number':
      return 'number';
    case 'boolean':
      return 'Boolean';
    case 'undefined':
      return 'undefined';
    default:
      return 'Object';
  }
}

function signatureError(method: string, args: unknown[]): AppsScriptException {
  const passed = [...args];
  while (passed.length > 0 && passed[passed.length - 1] === undefined) passed.pop();
  return new AppsScriptException(
    `The parameters (${passed.map(typeName).join(',')}) don't match the method signature for CalendarApp.${method}.`,
  );
}

/** Checks a (start, end) pair as createEvent and setTime do; returns them in ms. */
function checkTimes(method: string, args: unknown[]): { start: number; end: number } {
  const [startTime, endTime] = args;
  if (!isDate(startTime) || !isDate(endTime)) throw signatureError(method, args);
  const start = startTime.getTime();
  const end = endTime.getTime();
  if (Number.isNaN(start)) throw new AppsScriptException('Invalid argument: startTime');
  if (Number.isNaN(end)) throw new AppsScriptException('Invalid argument: endTime');
  if (end < start) throw new AppsScriptException(EVENT_TIME_ORDER_MESSAGE);
  return { start, end };
}

function parseGuests(field: unknown): string[] {
  if (field === undefined || field === null) return [];
  const out: string[] = [];
  for (const raw of String(field).split(',')) {
    const email = raw.trim();
    if (email === '') continue;
    if (!EMAIL.test(email)) throw new AppsScriptException('Invalid argument: guests');
    if (!out.some((g) => lower(g) === lower(email))) out.push(email);
  }
  return out;
}

export interface CreateEventOptions {
  description?: string;
  location?: string;
  /** Comma-separated email addresses. */
  guests?: string;
  sendInvites?: boolean;
}

export interface GetEventsOptions {
  /** Index of the first event to return. */
  start?: number;
  max?: number;
  /** Creator's email. */
  author?: string;
  /** Full-text search: every word must appear in the title, description, location or guests. */
  search?: string;
  /** Keep events where the effective user's status is one of these. */
  statusFilters?: GuestStatusName[];
}

export interface CreateCalendarOptions {
  timeZone?: string;
  summary?: string;
  location?: string;
  color?: string;
  hidden?: boolean;
  selected?: boolean;
}

export function createCalendarApp(ws: Workspace, store: CalendarStore) {
  const user = () => lower(ws.current?.user ?? ws.defaultUser);
  const call = <T>(method: string, body: () => T, access: Access, size?: number): T =>
    ws.call(SERVICE, method, body, size === undefined ? access : { ...access, size });

  /** Changes need the owner's or a writer's access ("Make changes to events"). */
  function mayChange(calendarId: string): void {
    const access = store.accessOf(user(), calendarId);
    if (access !== 'owner' && access !== 'writer')
      throw new AppsScriptException(ACTION_NOT_ALLOWED_MESSAGE);
  }

  function statusOf(event: EventState, email: string): GuestStatusName | null {
    const who = lower(email);
    if (event.creator === who || store.calendar(event.calendarId)?.owner === who) return 'OWNER';
    return event.guests.find((g) => lower(g.email) === who)?.status ?? null;
  }

  /** Events of a calendar matching getEvents' range and options (pure: no call, no state change). */
  function query(
    calendarId: string,
    from: number,
    to: number,
    options: GetEventsOptions,
  ): EventState[] {
    const inRange = store
      .liveEventsOf(calendarId)
      .filter(
        (e) =>
          (e.start < to && e.end > from) || (e.start === e.end && e.start >= from && e.start < to),
      );
    const first =
      options.start !== undefined ? Math.max(0, Math.floor(Number(options.start)) || 0) : 0;
    const max =
      options.max !== undefined ? Math.max(0, Math.floor(Number(options.max)) || 0) : Infinity;
    let out = inRange.slice(first, first + max);
    if (options.author !== undefined)
      out = out.filter((e) => e.creator === lower(String(options.author)));
    if (options.search !== undefined) {
      const words = lower(String(options.search)).split(/\s+/).filter(Boolean);
      out = out.filter((e) => {
        const text = lower(
          [e.title, e.description, e.location, ...e.guests.map((g) => g.email)].join(' '),
        );
        return words.every((w) => text.includes(w));
      });
    }
    if (options.statusFilters !== undefined) {
      const wanted = new Set(options.statusFilters.map(String));
      out = out.filter((e) => wanted.has(statusOf(e, user()) ?? ''));
    }
    return out;
  }

  /** A snapshot of one guest, as Apps Script hands out. */
  class EventGuest {
    constructor(
      private readonly email: string,
      private readonly status: GuestStatusName,
    ) {}
    getEmail(): string {
      return call('EventGuest.getEmail', () => this.email, READ);
    }
    /** Guests' names are unknown here; Google then returns the address. */
    getName(): string {
      return call('EventGuest.getName', () => this.email, READ);
    }
    getGuestStatus(): GuestStatusName {
      return call('EventGuest.getGuestStatus', () => this.status, READ);
    }
    getAdditionalGuests(): number {
      return call('EventGuest.getAdditionalGuests', () => 0, READ);
    }
  }

  class CalendarEvent {
    constructor(private readonly id: string) {}

    /**
     * The event's live state; a deleted (or vanished) event refuses further use, unless the
     * switch deletedEventsFound has handed it out again (then its state answers, changes lost).
     */
    private live(): EventState {
      const event = store.event(this.id);
      if (!event || (event.deleted && !store.deletedEventsFound))
        throw new AppsScriptException(DELETED_EVENT_MESSAGE);
      return event;
    }
    private read<T>(method: string, fn: (e: EventState) => T): T {
      return call(`CalendarEvent.${method}`, () => fn(this.live()), READ);
    }
    /** Applies a change, stamps updatedAt and returns the event for chaining. */
    private write(method: string, fn: (e: EventState) => void): this {
      call(
        `CalendarEvent.${method}`,
        () => {
          const event = this.live();
          mayChange(event.calendarId);
          // A deleted event handed out again (deletedEventsFound): the change goes nowhere.
          if (event.deleted) return;
          fn(event);
          event.updatedAt = ws.clock.now();
        },
        WRITE,
      );
      return this;
    }

    getId(): string {
      return call('CalendarEvent.getId', () => this.id, READ);
    }
    getTitle(): string {
      return this.read('getTitle', (e) => e.title);
    }
    setTitle(title: string): this {
      return this.write('setTitle', (e) => {
        e.title = String(title);
        store.notify(e, 'update');
      });
    }
    getDescription(): string {
      return this.read('getDescription', (e) => e.description);
    }
    setDescription(description: string): this {
      return this.write('setDescription', (e) => {
        e.description = String(description);
        store.notify(e, 'update');
      });
    }
    getLocation(): string {
      return this.read('getLocation', (e) => e.location);
    }
    setLocation(location: string): this {
      return this.write('setLocation', (e) => {
        e.location = String(location);
        store.notify(e, 'update');
      });
    }
    /** A new Date each time: changing it does not move the event. */
    getStartTime(): Date {
      return this.read('getStartTime', (e) => new Date(e.start));
    }
    getEndTime(): Date {
      return this.read('getEndTime', (e) => new Date(e.end));
    }
    setTime(startTime: Date, endTime: Date): this {
      return this.write('setTime', (e) => {
        const { start, end } = checkTimes('CalendarEvent.setTime', [startTime, endTime]);
        e.start = start;
        e.end = end;
        store.notify(e, 'update');
      });
    }
    addGuest(email: string): this {
      return this.write('addGuest', (e) => {
        const address = String(email).trim();
        if (!EMAIL.test(address)) throw new AppsScriptException('Invalid argument: email');
        if (e.guests.some((g) => lower(g.email) === lower(address))) return;
        e.guests.push({ email: address, status: 'INVITED' });
        if (store.addGuestSendsInvite) store.notify(e, 'invite', [address]);
      });
    }
    /** Removing someone who is not a guest changes nothing. */
    removeGuest(email: string): this {
      return this.write('removeGuest', (e) => {
        const i = e.guests.findIndex((g) => lower(g.email) === lower(String(email).trim()));
        if (i < 0) return;
        const [gone] = e.guests.splice(i, 1);
        store.notify(e, 'cancel', [gone!.email]);
      });
    }
    /** Guests without the owner; with includeOwner, the owner first as GuestStatus.OWNER. */
    getGuestList(includeOwner = false): EventGuest[] {
      return this.read('getGuestList', (e) => [
        ...(includeOwner ? [new EventGuest(e.creator, 'OWNER')] : []),
        ...e.guests.map((g) => new EventGuest(g.email, g.status)),
      ]);
    }
    /** The guest with that address (any case), the owner as OWNER, or null. */
    getGuestByEmail(email: string): EventGuest | null {
      return this.read('getGuestByEmail', (e) => {
        const who = lower(String(email).trim());
        if (who === e.creator) return new EventGuest(e.creator, 'OWNER');
        const guest = e.guests.find((g) => lower(g.email) === who);
        return guest ? new EventGuest(guest.email, guest.status) : null;
      });
    }
    /**
     * Tags are the event's extended properties: a key over 44 characters is silently dropped and
     * a value over 1024 characters silently truncated, as the Calendar API documents.
     */
    setTag(key: string, value: string): this {
      return this.write('setTag', (e) => {
        const k = String(key);
        if (k.length > TAG_KEY_LIMIT) return;
        // defineProperty, so that even a key like "__proto__" is stored as a plain tag.
        Object.defineProperty(e.tags, k, {
          value: String(value).slice(0, TAG_VALUE_LIMIT),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      });
    }
    /** The tag's value, or null when the event has no such tag. */
    getTag(key: string): string | null {
      return this.read('getTag', (e) =>
        Object.prototype.hasOwnProperty.call(e.tags, String(key)) ? e.tags[String(key)]! : null,
      );
    }
    getAllTagKeys(): string[] {
      return this.read('getAllTagKeys', (e) => Object.keys(e.tags));
    }
    deleteTag(key: string): this {
      return this.write('deleteTag', (e) => {
        delete e.tags[String(key)];
      });
    }
    setGuestsCanSeeGuests(guestsCanSeeGuests: boolean): this {
      return this.write('setGuestsCanSeeGuests', (e) => {
        if (typeof guestsCanSeeGuests !== 'boolean')
          throw signatureError('CalendarEvent.setGuestsCanSeeGuests', [guestsCanSeeGuests]);
        e.guestsCanSeeGuests = guestsCanSeeGuests;
      });
    }
    guestsCanSeeGuests(): boolean {
      return this.read('guestsCanSeeGuests', (e) => e.guestsCanSeeGuests);
    }
    setGuestsCanModify(guestsCanModify: boolean): this {
      return this.write('setGuestsCanModify', (e) => {
        if (typeof guestsCanModify !== 'boolean')
          throw signatureError('CalendarEvent.setGuestsCanModify', [guestsCanModify]);
        e.guestsCanModify = guestsCanModify;
      });
    }
    guestsCanModify(): boolean {
      return this.read('guestsCanModify', (e) => e.guestsCanModify);
    }
    setGuestsCanInviteOthers(guestsCanInviteOthers: boolean): this {
      return this.write('setGuestsCanInviteOthers', (e) => {
        if (typeof guestsCanInviteOthers !== 'boolean')
          throw signatureError('CalendarEvent.setGuestsCanInviteOthers', [guestsCanInviteOthers]);
        e.guestsCanInviteOthers = guestsCanInviteOthers;
      });
    }
    guestsCanInviteOthers(): boolean {
      return this.read('guestsCanInviteOthers', (e) => e.guestsCanInviteOthers);
    }
    getDateCreated(): Date {
      return this.read('getDateCreated', (e) => new Date(e.createdAt));
    }
    getLastUpdated(): Date {
      return this.read('getLastUpdated', (e) => new Date(e.updatedAt));
    }
    getCreators(): string[] {
      return this.read('getCreators', (e) => [e.creator]);
    }
    /** OWNER for the owner, the guest's answer for a guest, otherwise null. */
    getMyStatus(): GuestStatusName | null {
      return this.read('getMyStatus', (e) => statusOf(e, user()));
    }
    isOwnedByMe(): boolean {
      return this.read('isOwnedByMe', (e) => statusOf(e, user()) === 'OWNER');
    }
    getOriginalCalendarId(): string {
      return this.read('getOriginalCalendarId', (e) => e.calendarId);
    }
    deleteEvent(): void {
      call(
        'CalendarEvent.deleteEvent',
        () => {
          const event = this.live();
          mayChange(event.calendarId);
          if (event.deleted) return;
          store.rateLimit();
          event.deleted = true;
          event.updatedAt = ws.clock.now();
          store.notify(event, 'cancel');
        },
        WRITE,
      );
    }
  }

  class Calendar {
    constructor(
      private readonly id: string,
      /** Method-name prefix: "Calendar." on a Calendar, "" for CalendarApp's own shortcuts. */
      private readonly prefix = 'Calendar.',
    ) {}

    private state(): CalendarState {
      const calendar = store.calendar(this.id);
      if (!calendar) throw new AppsScriptException(`Calendar not found: ${this.id}`);
      return calendar;
    }
    /** The name the call is counted under: "Calendar.getEvents", or "getEvents" on CalendarApp. */
    private qualified(method: string): string {
      return `${this.prefix}${method}`;
    }

    getId(): string {
      return call(this.qualified('getId'), () => this.state().id, READ);
    }
    getName(): string {
      return call(this.qualified('getName'), () => this.state().name, READ);
    }
    getTimeZone(): string {
      return call(this.qualified('getTimeZone'), () => this.state().timeZone, READ);
    }
    getDescription(): string {
      return call(this.qualified('getDescription'), () => this.state().description, READ);
    }
    isOwnedByMe(): boolean {
      return call(this.qualified('isOwnedByMe'), () => this.state().owner === user(), READ);
    }
    isMyPrimaryCalendar(): boolean {
      return call(
        this.qualified('isMyPrimaryCalendar'),
        () => this.state().primary && this.state().owner === user(),
        READ,
      );
    }

    createEvent(
      title: string,
      startTime: Date,
      endTime: Date,
      options?: CreateEventOptions,
    ): CalendarEvent {
      let guestCount = 0;
      try {
        guestCount = parseGuests(options?.guests).length;
      } catch {
        // Reported inside the call, where Apps Script raises it.
      }
      return call(
        this.qualified('createEvent'),
        () => {
          const method = this.qualified('createEvent');
          const badOptions =
            options !== undefined &&
            options !== null &&
            (typeof options !== 'object' || Array.isArray(options));
          if (!isDate(startTime) || !isDate(endTime) || badOptions)
            throw signatureError(method, [title, startTime, endTime, options]);
          const { start, end } = checkTimes(method, [startTime, endTime]);
          const guests = parseGuests(options?.guests);
          const calendar = this.state();
          mayChange(calendar.id);
          store.rateLimit();
          ws.quota.take('eventsCreatedPerDay', 1, CALENDAR_QUOTA_MESSAGE);
          const event = store.addEvent({
            calendarId: calendar.id,
            title: String(title),
            description: options?.description === undefined ? '' : String(options.description),
            location: options?.location === undefined ? '' : String(options.location),
            start,
            end,
            guests: guests.map((email) => ({ email, status: 'INVITED' as const })),
            tags: {},
            // Google Calendar's defaults for a new event: guests see the list and may invite others.
            guestsCanSeeGuests: true,
            guestsCanModify: false,
            guestsCanInviteOthers: true,
            creator: user(),
            sendInvites: options?.sendInvites === true,
          });
          store.notify(event, 'invite');
          return new CalendarEvent(event.id);
        },
        WRITE,
        guestCount,
      );
    }

    /** The event of this calendar with that iCalUID, or null (also once deleted). */
    /**
     * Calendar.deleteCalendar: "Deletes the calendar permanently. A user can only delete a
     * calendar they own." The default calendar cannot be deleted (the emulator's message).
     * Counts against writesPerMinute like any calendar creation or deletion.
     */
    deleteCalendar(): void {
      call(
        this.qualified('deleteCalendar'),
        () => {
          const calendar = this.state();
          if (calendar.owner !== user() || calendar.primary)
            throw new AppsScriptException(ACTION_NOT_ALLOWED_MESSAGE);
          store.rateLimit();
          store.deleteCalendar(calendar.id);
        },
        MAKE_CALENDAR,
      );
    }

    getEventById(iCalId: string): CalendarEvent | null {
      return call(
        this.qualified('getEventById'),
        () => {
          const event = store.event(String(iCalId));
          return event &&
            (!event.deleted || store.deletedEventsFound) &&
            event.calendarId === this.state().id
            ? new CalendarEvent(event.id)
            : null;
        },
        READ,
      );
    }

    /** Events that start in, end in or encompass [startTime, endTime). */
    getEvents(startTime: Date, endTime: Date, options?: GetEventsOptions): CalendarEvent[] {
      const method = this.qualified('getEvents');
      const run = () => {
        if (!isDate(startTime) || !isDate(endTime))
          throw signatureError(method, [startTime, endTime, options]);
        const from = startTime.getTime();
        const to = endTime.getTime();
        if (Number.isNaN(from)) throw new AppsScriptException('Invalid argument: startTime');
        if (Number.isNaN(to)) throw new AppsScriptException('Invalid argument: endTime');
        return query(this.state().id, from, to, options ?? {});
      };
      return this.search('getEvents', run);
    }

    /** Events of that day, midnight to midnight in the calendar's time zone. */
    getEventsForDay(date: Date, options?: GetEventsOptions): CalendarEvent[] {
      const method = this.qualified('getEventsForDay');
      const run = () => {
        if (!isDate(date)) throw signatureError(method, [date, options]);
        if (Number.isNaN(date.getTime())) throw new AppsScriptException('Invalid argument: date');
        const calendar = this.state();
        const day = wallClock(date.getTime(), calendar.timeZone);
        const from = instantOf(calendar.timeZone, day.year, day.month, day.day);
        const to = instantOf(calendar.timeZone, day.year, day.month, day.day + 1);
        return query(calendar.id, from, to, options ?? {});
      };
      return this.search('getEventsForDay', run);
    }

    /** A search costs more the more it finds, so its size is known before the call is made. */
    private search(method: string, run: () => EventState[]): CalendarEvent[] {
      let size = 0;
      try {
        size = run().length;
      } catch {
        // The same error is raised inside the call.
      }
      return call(
        this.qualified(method),
        () => run().map((e) => new CalendarEvent(e.id)),
        READ,
        size,
      );
    }
  }

  const defaultCalendar = () => new Calendar(store.defaultCalendarOf(user()).id, '');
  const own = (id: string) => store.calendarsOf(user()).find((c) => c.id === lower(String(id)));
  const listed = (id: string) => store.listedFor(user()).find((c) => c.id === lower(String(id)));

  return {
    GuestStatus,
    getDefaultCalendar: () =>
      call('getDefaultCalendar', () => new Calendar(store.defaultCalendarOf(user()).id), READ),
    /** A calendar the user owns or is subscribed to (and may reach), or null. */
    getCalendarById: (id: string) =>
      call(
        'getCalendarById',
        () => {
          const calendar = listed(id);
          return calendar ? new Calendar(calendar.id) : null;
        },
        READ,
      ),
    getOwnedCalendarById: (id: string) =>
      call(
        'getOwnedCalendarById',
        () => {
          const calendar = own(id);
          return calendar ? new Calendar(calendar.id) : null;
        },
        READ,
      ),
    /** Names are not case-sensitive. */
    getCalendarsByName: (name: string) =>
      call(
        'getCalendarsByName',
        () =>
          store
            .listedFor(user())
            .filter((c) => lower(c.name) === lower(String(name)))
            .map((c) => new Calendar(c.id)),
        READ,
      ),
    getAllCalendars: () =>
      call('getAllCalendars', () => store.listedFor(user()).map((c) => new Calendar(c.id)), READ),
    /** Adds a calendar shared with the user to their list; throws when they may not reach it. */
    subscribeToCalendar: (id: string) =>
      call(
        'subscribeToCalendar',
        () => {
          const calendar = store.calendar(String(id));
          if (!calendar || store.accessOf(user(), calendar.id) === null)
            throw new AppsScriptException(NO_CALENDAR_ACCESS_MESSAGE);
          store.subscribe(user(), calendar.id);
          return new Calendar(calendar.id);
        },
        MAKE_CALENDAR,
      ),
    getAllOwnedCalendars: () =>
      call(
        'getAllOwnedCalendars',
        () => store.calendarsOf(user()).map((c) => new Calendar(c.id)),
        READ,
      ),
    createCalendar: (name: string, options: CreateCalendarOptions = {}) =>
      call(
        'createCalendar',
        () => {
          if (typeof name !== 'string')
            throw signatureError('CalendarApp.createCalendar', [name, options]);
          if (options.timeZone !== undefined && !isValidTimeZone(String(options.timeZone)))
            throw new AppsScriptException('Invalid argument: timeZone');
          store.rateLimit();
          const calendar = store.addCalendar(user(), name, {
            timeZone: options.timeZone === undefined ? undefined : String(options.timeZone),
            description: options.summary === undefined ? undefined : String(options.summary),
          });
          return new Calendar(calendar.id);
        },
        MAKE_CALENDAR,
      ),
    /** Only events of the default calendar, as Google documents; null when not found or deleted. */
    getEventById: (iCalId: string) =>
      call(
        'getEventById',
        () => {
          const event = store.event(String(iCalId));
          return event &&
            (!event.deleted || store.deletedEventsFound) &&
            event.calendarId === store.defaultCalendarOf(user()).id
            ? new CalendarEvent(event.id)
            : null;
        },
        READ,
      ),
    // CalendarApp's own shortcuts to the default calendar (counted as "CalendarApp.createEvent" etc.).
    createEvent: (title: string, startTime: Date, endTime: Date, options?: CreateEventOptions) =>
      defaultCalendar().createEvent(title, startTime, endTime, options),
    getEvents: (startTime: Date, endTime: Date, options?: GetEventsOptions) =>
      defaultCalendar().getEvents(startTime, endTime, options),
    getEventsForDay: (date: Date, options?: GetEventsOptions) =>
      defaultCalendar().getEventsForDay(date, options),
    getId: () => defaultCalendar().getId(),
    getName: () => defaultCalendar().getName(),
    getTimeZone: () => defaultCalendar().getTimeZone(),
  };
}

export type CalendarAppGlobal = ReturnType<typeof createCalendarApp>;
