/**
 * The whole round at school scale played twice: once on the emulator's defaults, once with every
 * switch that models Google where the defaults do not (sample/round.ts asGoogle: forms start
 * unpublished, clock triggers run without their spreadsheet, Calendar slows writers down, addGuest
 * sends nothing, a deleted event is still found by its ID, tab names ignore case, the script's
 * time zone is not the school's). Prints whether the second ends as the first: the same
 * sheets, forms, triggers and calendar, and the same mail, nothing more and nothing less.
 *
 *   node --import tsx bench/google.ts [--writes N] [--build DIR] [students...]   (default: 600 2000)
 *
 * --writes: Calendar's event writes a minute before it asks to slow down (Google publishes no
 * figure; default 20, low enough that a school's invites meet it).
 *
 * A step stopped by Google's daily email limit goes on the next morning in both plays, as a
 * teacher would carry on. A reminder whose time passed while the day's email quota was spent is
 * marked missed on the Schedule (the Reminders step lists it); the table counts those in each
 * play, since the end state's comparison masks the Reminders Sent cells.
 */
import { openSchool } from '../preview/school';
import { MISSED_TEXT } from '../src/core/reminders';
import {
  asGoogle,
  compare,
  isOwnerNotice,
  play,
  round,
  snapshot,
  tomorrowMorning,
} from '../sample/round';

export interface GoogleRun {
  students: number;
  events: number;
  emails: number;
  same: boolean;
  difference: string | null;
  extraMail: number;
  missingMail: number;
  /** The first few messages of each, as "to | subject". */
  extraSample: string[];
  missingSample: string[];
  /** Failures a person met and clicked again after (the daily quota's waits are not counted). */
  failures: string[];
  formsPublished: boolean;
  /** Times Calendar asked the invites to slow down and they waited. */
  waits: number;
  /** Emails the hourly trigger sent its owner because it ran without the spreadsheet. */
  ownerNotices: number;
  /**
   * Reminders marked missed on the Schedule (their time passed while the day's email quota was
   * spent; the Reminders step lists each), in the default round and in this one.
   */
  missed: { clean: number; google: number };
}

/** Reminders marked missed on the school's Schedule. */
function missedMarks(s: ReturnType<typeof openSchool>): number {
  const cells = JSON.stringify(s.emulator.spreadsheet.sheetByName('Schedule')?.values() ?? []);
  return cells.split(MISSED_TEXT).length - 1;
}

export function compareWithGoogle(
  students: number,
  writesPerMinute = 20,
  buildDir?: string,
): GoogleRun {
  const size = { students, teachers: Math.ceil(students / 30), ...(buildDir ? { buildDir } : {}) };
  const clean = openSchool(size);
  play(clean, round(), 0, tomorrowMorning);
  const s = asGoogle(openSchool(size), writesPerMinute);
  const { failures } = play(s, round(), 2, tomorrowMorning);
  const c = compare(snapshot(clean), s);
  return {
    students,
    events: s.emulator.calendar.events().length,
    emails: s.emulator.mail.sent.length,
    same: c.same,
    difference: c.difference,
    extraMail: c.extraMail.length,
    missingMail: c.missingMail.length,
    extraSample: c.extraMail.slice(0, 10),
    missingSample: c.missingMail.slice(0, 10),
    failures: failures.filter((f) => !/daily (email )?limit|too many times for one day/.test(f)),
    formsPublished: s.emulator.forms.forms().every((f) => f.published),
    waits: s.emulator.ws.callLog.filter((x) => x.method === 'sleep').length,
    ownerNotices: s.emulator.mail.sent.filter((m) => isOwnerNotice(m.subject)).length,
    missed: { clean: missedMarks(clean), google: missedMarks(s) },
  };
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv.splice(i, 2)[1] : undefined;
  };
  const writes = Number(value('--writes') ?? 20);
  const build = value('--build');
  const sizes = argv.map(Number).filter((n) => n > 0);
  console.log(
    `## The round with the emulator set as Google (Calendar slowing writers past ${writes} a minute), against the default round\n`,
  );
  console.log(
    '| students | events | emails | end state equal | extra mail | missing mail | reminders marked missed (default / Google) | forms published | Calendar waits | owner notices | failures clicked again |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const n of sizes.length ? sizes : [600, 2000]) {
    const r = compareWithGoogle(n, writes, build);
    console.log(
      `| ${r.students} | ${r.events} | ${r.emails} | ${r.same ? 'yes' : 'NO'} | ${r.extraMail} | ${r.missingMail} | ${r.missed.clean} / ${r.missed.google} | ${r.formsPublished ? 'yes' : 'NO'} | ${r.waits} | ${r.ownerNotices} | ${r.failures.length} |`,
    );
    if (r.difference) console.log(`\n${r.difference}\n`);
    for (const f of r.failures.slice(0, 5)) console.log(`- ${f}`);
    for (const m of r.extraSample) console.log(`- extra: ${m}`);
    for (const m of r.missingSample) console.log(`- missing: ${m}`);
  }
}
