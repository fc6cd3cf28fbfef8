/**
 * Open follow-up requests in the sidebar, by owner: what was asked, when it is due (an overdue
 * one in red and said in words), and buttons to mark it contacted or done. Built once and kept,
 * re-drawing only itself; every value is put in as text (src/sidebar/dom.ts).
 */
import {
  FOLLOWUP_MARKS,
  type FollowUpStatus,
  type FollowUpsView,
  type OpenFollowUp,
} from '../shared/api';
import { el } from './dom';

export interface FollowUpsServer {
  load(): Promise<FollowUpsView>;
  set(request: string, status: FollowUpStatus): Promise<FollowUpsView>;
}

const LABELS: Record<FollowUpStatus, string> = { contacted: 'Contacted', done: 'Done' };

export function followUpsPanel(server: FollowUpsServer): {
  node: HTMLElement;
  load(): Promise<void>;
} {
  const node = el('div', { class: 'followups' });
  let view: FollowUpsView | null = null;
  let busy = false;
  let message = '';

  const attempt = async (work: () => Promise<FollowUpsView>, said: string) => {
    busy = true;
    draw();
    try {
      view = await work();
      message = said;
    } catch (e) {
      message = e instanceof Error ? e.message : String(e);
    }
    busy = false;
    draw();
  };

  function item(f: OpenFollowUp): HTMLElement {
    return el(
      'li',
      { 'data-request': f.request, class: f.overdue ? 'overdue' : '' },
      el('p', {}, el('strong', {}, f.students), ` · ${f.kind}`),
      f.asked ? el('p', { class: 'asked' }, f.asked) : null,
      el(
        'p',
        { class: 'due' },
        f.overdue ? `Overdue: due ${f.due}` : `Due ${f.due || '(no date)'}`,
        ` · ${f.status}`,
      ),
      el(
        'div',
        {
          class: 'marks',
          role: 'group',
          'aria-label': `Mark the request about ${f.students}`,
        },
        ...FOLLOWUP_MARKS.filter((m) => m !== f.status).map((status) =>
          el(
            'button',
            {
              type: 'button',
              'data-mark': status,
              disabled: busy,
              onclick: () =>
                void attempt(() => server.set(f.request, status), `${f.students}: ${status}.`),
            },
            LABELS[status],
          ),
        ),
      ),
    );
  }

  function draw(): void {
    const owners = [...new Set((view?.requests ?? []).map((f) => f.owner))];
    const parts: (HTMLElement | null)[] = [
      !view ? el('p', { class: 'muted' }, 'Loading…') : null,
      view && owners.length === 0
        ? el('p', { class: 'muted' }, 'No open follow-up requests.')
        : null,
      ...owners.map((owner) =>
        el(
          'section',
          { class: 'owner', 'data-owner': owner },
          el('h3', {}, owner),
          el(
            'ul',
            { class: 'followup-list' },
            ...view!.requests.filter((f) => f.owner === owner).map(item),
          ),
        ),
      ),
      el('p', { class: 'followups-message', role: 'status', 'aria-live': 'polite' }, message),
    ];
    node.replaceChildren(...parts.filter((x): x is HTMLElement => x !== null));
  }

  draw();
  return { node, load: () => attempt(() => server.load(), '') };
}
