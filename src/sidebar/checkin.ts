/**
 * The check-in view: one teacher's conferences of a day of the round, each marked attended,
 * no-show or rescheduled with one click once the day and the teacher are chosen. Built once and kept, re-drawing only
 * itself; every name is put in as text (src/sidebar/dom.ts).
 */
import { ATTENDANCE, type Attendance, type CheckIn, type CheckInConference } from '../shared/api';
import { el } from './dom';

export interface CheckInServer {
  load(teacher: string, day: string): Promise<CheckIn>;
  mark(conferenceId: string, status: Attendance): Promise<CheckInConference>;
}

const LABELS: Record<Attendance, string> = {
  attended: 'Attended',
  'no-show': 'No-show',
  rescheduled: 'Rescheduled',
};

/** A conference day as a teacher reads it: "Tue, Nov 17, 2026" (the day itself, in no time zone). */
const dayLabel = (day: string) =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString('en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** The panel, and how to (re)load it: the day picked and the teacher shown stay chosen. */
export function checkInPanel(server: CheckInServer): {
  node: HTMLElement;
  load(): Promise<void>;
} {
  const node = el('div', { class: 'checkin' });
  let view: CheckIn | null = null;
  // The day a teacher picked; until then the server's day to check in, worked out anew each load.
  let picked = '';
  let busy = '';
  let message = '';

  const attempt = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (e) {
      message = e instanceof Error ? e.message : String(e);
    }
    busy = '';
    draw();
  };

  const load = (teacher: string, day: string) =>
    attempt(async () => {
      busy = 'loading';
      draw();
      view = await server.load(teacher, day);
      message = '';
    });

  const mark = (c: CheckInConference, status: Attendance) =>
    attempt(async () => {
      busy = c.conferenceId;
      draw();
      const now = await server.mark(c.conferenceId, status);
      if (view)
        view = {
          ...view,
          conferences: view.conferences.map((x) => (x.conferenceId === now.conferenceId ? now : x)),
        };
      message = `${now.students}: ${now.status}.`;
    });

  function row(c: CheckInConference): HTMLElement {
    return el(
      'li',
      { 'data-conference': c.conferenceId },
      el('p', { class: 'who' }, el('strong', {}, c.time), ` ${c.students}`),
      el(
        'p',
        { class: 'muted' },
        `${c.room ? `Room ${c.room} · ` : ''}Status: `,
        el('span', { class: 'status' }, c.status || 'scheduled'),
      ),
      el(
        'div',
        { class: 'marks', role: 'group', 'aria-label': `Mark ${c.students}` },
        ...ATTENDANCE.map((status) =>
          el(
            'button',
            {
              type: 'button',
              'data-mark': status,
              'aria-pressed': c.status === status ? 'true' : 'false',
              disabled: busy !== '',
              onclick: () => void mark(c, status),
            },
            LABELS[status],
          ),
        ),
      ),
    );
  }

  /** A picker of `options` (value, label), the one shown selected; a change loads anew. */
  function picker(
    id: string,
    label: string,
    options: [string, string][],
    shown: string,
    change: (value: string) => Promise<void>,
  ): HTMLElement {
    const select = el(
      'select',
      {
        id,
        disabled: busy !== '',
        onchange: (e) => void change((e.target as HTMLSelectElement).value),
      },
      ...options.map(([value, text]) => {
        const option = el('option', { value }, text);
        option.selected = value === shown;
        return option;
      }),
    );
    return el('div', { class: 'field' }, el('label', { for: id }, label), select);
  }

  function draw(): void {
    const parts: (HTMLElement | null)[] = [
      view && view.days.length > 0
        ? picker(
            'checkin-day',
            'Conference day',
            view.days.map((d) => [d, dayLabel(d)]),
            view.date,
            (day) => load(view?.teacher ?? '', (picked = day)),
          )
        : null,
      view
        ? picker(
            'checkin-teacher',
            'Teacher',
            view.teachers.map((t) => [t, t]),
            view.teacher,
            (teacher) => load(teacher, picked),
          )
        : el('p', { class: 'muted' }, 'Loading…'),
      view && view.conferences.length === 0
        ? el('p', { class: 'muted' }, 'No conferences on the Schedule to check in.')
        : null,
      view ? el('ol', { class: 'checkin-list' }, ...view.conferences.map(row)) : null,
      el('p', { class: 'checkin-message', role: 'status', 'aria-live': 'polite' }, message),
    ];
    node.replaceChildren(...parts.filter((x): x is HTMLElement => x !== null));
  }

  draw();
  return { node, load: () => load(view?.teacher ?? '', picked) };
}
