/**
 * The independent feasibility checker: given a problem and a schedule, lists every hard rule
 * broken. It shares no code with the engine (only the types), so the engine's bookkeeping
 * cannot hide its own mistakes. Used on every schedule in tests and benchmarks.
 */
import type { Problem, Schedule } from './types';

export function checkSchedule(problem: Problem, schedule: Schedule): string[] {
  const errors: string[] = [];
  const students = new Map(problem.students.map((s) => [s.id, s]));
  const families = new Map(problem.families.map((f) => [f.id, f]));
  const seen = new Map<string, number>();
  const label = (i: number) => {
    const c = schedule.conferences[i]!;
    return `conference ${i} (${c.studentIds.join('+')} with ${c.teacherEmail} on ${c.date} ${c.start}-${c.end})`;
  };

  schedule.conferences.forEach((c, i) => {
    if (c.studentIds.length === 0) errors.push(`${label(i)} has no student`);
    if (!(c.end > c.start)) errors.push(`${label(i)} ends before it starts`);
    for (const id of c.studentIds) {
      const s = students.get(id);
      if (!s) errors.push(`${label(i)}: unknown student ${id}`);
      else {
        if (s.teacherEmail !== c.teacherEmail)
          errors.push(`${label(i)}: ${id}'s teacher is ${s.teacherEmail}`);
        if (s.familyId !== c.familyId)
          errors.push(`${label(i)}: ${id} is not in family ${c.familyId}`);
      }
      if (seen.has(id)) errors.push(`${label(i)}: student ${id} also in ${label(seen.get(id)!)}`);
      seen.set(id, i);
    }
    if (c.studentIds.length > 1) {
      const listed = (id: string) => [...new Set(students.get(id)?.contacts ?? [])].sort().join();
      if (c.studentIds.some((id) => listed(id) !== listed(c.studentIds[0]!)))
        errors.push(`${label(i)} joins students whose rows list different contacts`);
    }
    if (c.fixed) {
      const original = problem.fixed.find((f) => f.studentIds.join() === c.studentIds.join());
      if (
        !original ||
        original.date !== c.date ||
        original.start !== c.start ||
        original.teacherEmail !== c.teacherEmail
      )
        errors.push(`${label(i)} is fixed but was moved`);
      return;
    }
    // Inside one of the teacher's windows.
    const window = problem.windows.find(
      (w) =>
        w.teacherEmail === c.teacherEmail &&
        w.date === c.date &&
        w.start <= c.start &&
        c.end <= w.end,
    );
    if (!window) errors.push(`${label(i)} is outside every window of ${c.teacherEmail}`);
    // A window that offers the way the family asked to meet (a window or family saying
    // nothing, or either, allows any).
    const family = families.get(c.familyId);
    const asked = family?.meet;
    const offered = window?.mode;
    if (asked && offered && asked !== 'either' && offered !== 'either' && asked !== offered)
      errors.push(`${label(i)} is ${offered} but family ${c.familyId} asked to meet ${asked}`);
    // Inside the availability of the household answering for its students (a paper household
    // of a family with email answers for its own rows), else the family's.
    const own = c.studentIds
      .map((id) => students.get(id)?.availability)
      .find((a) => a !== undefined);
    const times = own !== undefined ? own : family?.availability;
    if (times && !times.some((a) => a.date === c.date && a.start <= c.start && c.end <= a.end)) {
      errors.push(`${label(i)} is outside family ${c.familyId}'s availability`);
    }
  });
  for (const f of problem.fixed) {
    if (!schedule.conferences.some((c) => c.fixed && c.studentIds.join() === f.studentIds.join()))
      errors.push(`fixed conference of ${f.studentIds.join('+')} is missing`);
  }

  // Concurrency: at every conference start, count what overlaps it. A conference holds its
  // place in the teacher's room from its start until the changeover after its end has passed: at
  // capacity 1, consecutive conferences are at least the changeover apart; in a simultaneous
  // room, at most `capacity` conferences hold a place at any moment (a family's place is free
  // again only a changeover after it left). The most places held at once are held at some
  // conference's start, so checking the starts is enough.
  const changeover = problem.changeoverMinutes ?? 0;
  const overlaps = (
    a: { date: string; start: number; end: number },
    b: { date: string; start: number; end: number },
  ) => a.date === b.date && a.start < b.end && b.start < a.end;
  const all = schedule.conferences;
  all.forEach((c, i) => {
    const atStart = all.filter((d) => d.date === c.date && d.start <= c.start && c.start < d.end);
    const holding = all.filter(
      (d) =>
        d.teacherEmail === c.teacherEmail &&
        d.date === c.date &&
        d.start <= c.start &&
        c.start < d.end + changeover,
    );
    const capacity = Math.max(
      0,
      ...problem.windows
        .filter(
          (w) =>
            w.teacherEmail === c.teacherEmail &&
            w.date === c.date &&
            w.start <= c.start &&
            c.start < w.end,
        )
        .map((w) => w.capacity),
    );
    // Kept conferences are as people left them: only a clash the schedule adds is its own.
    if (holding.length > capacity && holding.some((d) => !d.fixed)) {
      const atOnce = holding.filter((d) => c.start < d.end).length;
      errors.push(
        atOnce > capacity
          ? `${label(i)}: ${c.teacherEmail} hosts ${atOnce} families at once (capacity ${capacity})`
          : `${label(i)}: ${c.teacherEmail} starts it within the ${changeover}-minute changeover after another conference (${holding.length} places held, capacity ${capacity})`,
      );
    }
    // Stryker disable next-line StringLiteral: only a family not in the problem has none
    const lang = families.get(c.familyId)?.interpreter ?? '';
    const limit = problem.interpreters[lang];
    if (lang && limit !== undefined) {
      const load = atStart.filter(
        // Stryker disable next-line StringLiteral: only a family not in the problem has none
        (d) => (families.get(d.familyId)?.interpreter ?? '') === lang,
      ).length;
      if (load > limit)
        errors.push(`${label(i)}: ${load} ${lang} conferences at once (interpreters ${limit})`);
    }
    // A family, and a contact listed for several families, is never in two places at once, and
    // has a buffer between rooms.
    // Stryker disable next-line ArrayDeclaration: a family not in the problem; shares no one
    const mine = new Set(families.get(c.familyId)?.contacts ?? []);
    all.forEach((d, j) => {
      if (j <= i || d.date !== c.date) return;
      // Stryker disable ArrayDeclaration: as above, for the other family
      const who =
        d.familyId === c.familyId
          ? `family ${c.familyId}`
          : (families.get(d.familyId)?.contacts ?? [])
              .filter((x) => mine.has(x))
              .map((x) => `contact ${x}`)[0];
      // Stryker restore ArrayDeclaration
      if (!who) return;
      if (overlaps(c, d)) errors.push(`${label(i)} and ${label(j)}: ${who} in two places at once`);
      else if (d.teacherEmail !== c.teacherEmail) {
        const gap = d.start >= c.end ? d.start - c.end : c.start - d.end;
        if (gap < problem.bufferMinutes)
          errors.push(
            `${label(i)} and ${label(j)}: ${who} has ${gap} min between rooms (buffer ${problem.bufferMinutes})`,
          );
      }
    });
  });

  // Everyone is placed or has a reason.
  const unplaced = new Set(schedule.unplaced.map((u) => u.studentId));
  for (const s of problem.students) {
    if (!seen.has(s.id) && !unplaced.has(s.id))
      errors.push(`student ${s.id} is neither placed nor given a reason`);
    if (seen.has(s.id) && unplaced.has(s.id))
      errors.push(`student ${s.id} is placed and also listed as unplaced`);
  }
  for (const u of schedule.unplaced)
    if (!u.reason.trim()) errors.push(`student ${u.studentId} is unplaced without a reason`);
  return errors;
}
