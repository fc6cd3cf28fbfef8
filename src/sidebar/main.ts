import { ADDON_TITLE, STEPS } from '../shared/api';
import { el } from './dom';

function render(root: HTMLElement): void {
  root.replaceChildren(
    el('h1', {}, ADDON_TITLE),
    el('ol', { class: 'steps' }, ...STEPS.map((s, i) => el('li', { 'data-step': s.id }, el('span', { class: 'step-title' }, `${i + 1}. ${s.title}`)))),
  );
}

render(document.getElementById('app')!);
