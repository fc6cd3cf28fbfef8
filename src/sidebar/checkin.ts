/**
 * The check-in view: one teacher's conferences of the day, each marked attended, no-show or
 * rescheduled with one click once the teacher is chosen. Built once and kept, re-drawing only
 * itself; every name is put in as text (src/sidebar/dom.ts).
 */
import { ATTENDANCE, type Attendance, type CheckIn, type CheckInConference } from '../shared/api';
import { el } from './dom';

export interface CheckInServer {
  load(teacher: string): Promise<CheckIn>;
  mark(conferenceId: string, status: Attendance): Promise<CheckInConference>;
}

const LABELS: Record<Attendance, string> = {
  attended: 'Attended',
  'no-show': 'No-show',
  rescheduled: 'Rescheduled',
};

/** The panel, and how to (re)load it: the teacher shown stays chosen. */
export function checkInPanel(server: CheckInServer): {
  node: HTMLElement;
  load(): Promise<void>;
} {
  const node = el('div', { class: 'checkin' });
  let view: CheckIn | null = null;
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

  const load = (teacher: string) =>
    attempt(async () => {
      busy = 'loading';
      draw();
      view = await server.load(teacher);
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

  function draw(): void {
    const picker = el(
      'select',
      {
        id: 'checkin-teacher',
        disabled: busy !== '',
        onchange: (e) => void load((e.target as HTMLSelectElement).value),
      },
      ...(view?.teachers ?? []).map((t) => {
        const option = el('option', { value: t }, t);
        option.selected = t === view?.teacher;
        return option;
      }),
    );
    const parts: (HTMLElement | null)[] = [
      view
        ? el(
            'div',
            { class: 'field' },
            el('label', { for: 'checkin-teacher' }, `Teacher (conferences of ${view.date})`),
            picker,
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
  return { node, load: () => load(view?.teacher ?? '') };
}
