/**
 * events.json for the demo CLI: the conference events as the emulated Calendar holds them after
 * the invites job ran to completion (one per conference, with its guests and tag).
 */
import type { Emulator } from '../emulator/index';
import type { Bundle } from '../emulator/loader';
import type { JobProgress, Result } from '../src/shared/api';

/** Calls runJob until the job says it is done, as the sidebar does; a failure throws its message. */
export function runJobToEnd(bundle: Bundle, job: string): JobProgress {
  for (let i = 0; i < 1000; i++) {
    const r = bundle.callFromClient('runJob', [job]) as Result<JobProgress>;
    if (!r.ok) throw new Error(`${job}: ${r.error.message}`);
    if (r.value.done) return r.value;
  }
  throw new Error(`${job} did not finish`);
}

export function eventsJson(emulator: Emulator) {
  const names = new Map(emulator.calendar.calendars().map((c) => [c.id, c.name]));
  return emulator.calendar.events().map((e) => ({
    id: e.id,
    calendar: names.get(e.calendarId) ?? e.calendarId,
    title: e.title,
    start: new Date(e.start).toISOString(),
    end: new Date(e.end).toISOString(),
    location: e.location,
    guests: e.guests.map((g) => ({ email: g.email, status: g.status })),
    guestsCanSeeGuests: e.guestsCanSeeGuests,
    tag: e.tags['slc-conference'] ?? null,
    description: e.description,
  }));
}
