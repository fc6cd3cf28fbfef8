/** One Schedule row as the reminders read it, for the core reminder tests: García's Ana at 15:00. */
import type { ReminderConference } from '../../src/core/reminders';

export function conf(over: Partial<ReminderConference>): ReminderConference {
  return {
    row: 2,
    conferenceId: 'C-1',
    familyKey: 'F-1',
    family: 'García',
    students: 'Ana',
    teacher: 'Ms. Rivera',
    room: '12',
    date: '2026-11-17',
    start: 15 * 60,
    end: 15 * 60 + 25,
    emails: ['g@x.example'],
    language: 'es',
    interpreter: false,
    status: 'scheduled',
    sent: '',
    ...over,
  };
}
