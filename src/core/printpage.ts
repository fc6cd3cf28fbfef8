/** A printable HTML document: the pages given, in order, under one title and style sheet. Pure. */
import { escapeHtml } from './templates';

/**
 * A print dialog's Print button and what to do when it does nothing: whether the sandboxed frame
 * Google shows a dialog in lets its page open the print window is not written down
 * (docs/EMULATOR.md row 54), and a frame without allow-modals ignores `window.print()`. With the
 * page's text selected, the browser's own Print command prints this frame's selection.
 */
export const PRINT_CONTROLS =
  '<button onclick="window.print()">Print</button> <span class="print-help">If no print window opens, click this page, press Ctrl+A then Ctrl+P (⌘A then ⌘P on a Mac) and print the selection.</span>';

export function printPage(title: string, style: string, bodies: string[]): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>${style}</style></head>
<body>${bodies.join('\n')}</body></html>
`;
}
