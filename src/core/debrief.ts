/**
 * The teacher's debrief after a round: per class, who prepared, who reflected, the goals they
 * set and whether last round's was met, and the families' follow-up requests. One printed page
 * per teacher, naming only that teacher's students. Pure.
 */
import type { Reflection } from './goals';
import { isPrepared, type PrepAnswer } from './prep';
import { printDocument } from './studentforms';
import { escapeHtml } from './templates';

export interface DebriefStudent {
  name: string;
  prepared: boolean;
  reflected: boolean;
  /** The goal they brought to the conference (their prep form's). */
  goal: string;
  /** The goal they left with (their reflection's). */
  goalNow: string;
  lastGoalMet: string;
  /** The status of the family's follow-up request this round ('' for none). */
  followUp: string;
}

export interface DebriefClass {
  teacher: string;
  students: DebriefStudent[];
}

/** The round's classes, teacher by teacher, each student in name order. */
export function debriefClasses(input: {
  students: { id: string; name: string; teacher: string }[];
  prep: Map<string, PrepAnswer>;
  reflections: Map<string, Reflection>;
  /** Follow-up status by student ID, this round. */
  followUps: Map<string, string>;
}): DebriefClass[] {
  const by = new Map<string, DebriefStudent[]>();
  for (const s of input.students) {
    const prep = input.prep.get(s.id);
    const after = input.reflections.get(s.id);
    by.set(s.teacher, [
      ...(by.get(s.teacher) ?? []),
      {
        name: s.name,
        prepared: isPrepared(prep),
        reflected: !!after,
        goal: prep?.goal ?? '',
        goalNow: after?.goalNow ?? '',
        lastGoalMet: after?.lastGoalMet ?? '',
        followUp: input.followUps.get(s.id) ?? '',
      },
    ]);
  }
  return [...by]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([teacher, students]) => ({
      teacher,
      students: students.sort((a, b) => a.name.localeCompare(b.name)),
    }));
}

const mark = (yes: boolean) => (yes ? '✓' : '—');

/** The debrief as a printable document, one page per class. */
export function debriefHtml(
  school: string,
  round: string,
  classes: DebriefClass[],
  screenOnly = '',
): string {
  const pages = classes.map((c) => {
    const n = c.students.length;
    const prepared = c.students.filter((s) => s.prepared).length;
    const reflected = c.students.filter((s) => s.reflected).length;
    const followUps = c.students.filter((s) => s.followUp).length;
    return `<section class="teacher">
<h1>${escapeHtml(`${c.teacher}: ${round} debrief`)}</h1>
<p>${escapeHtml(`${prepared} of ${n} prepared · ${reflected} of ${n} reflected · ${followUps} follow-up ${followUps === 1 ? 'request' : 'requests'}`)}</p>
<table><tr><th>Student</th><th>Prepared</th><th>Reflected</th><th>Goal</th><th>Goal now</th><th>Last goal met</th><th>Follow-up</th></tr>${c.students
      .map(
        (s) =>
          `<tr><td>${escapeHtml(s.name)}</td><td>${mark(s.prepared)}</td><td>${mark(s.reflected)}</td><td>${escapeHtml(s.goal)}</td><td>${escapeHtml(s.goalNow)}</td><td>${escapeHtml(s.lastGoalMet)}</td><td>${escapeHtml(s.followUp)}</td></tr>`,
      )
      .join('')}</table></section>`;
  });
  return printDocument(
    `${school}: ${round} debrief`,
    pages.length ? pages.join('\n') : '<p>There are no students on the Roster yet.</p>',
    screenOnly,
  );
}
