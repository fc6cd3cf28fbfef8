/**
 * The print dialogs' shared controls (packets, letters, class lists, the debrief). They live with
 * the dialogs, not in src/core, because they are script the dialog's page runs.
 */
/**
 * A print dialog's Print button and what to do when it does nothing: whether the sandboxed frame
 * Google shows a dialog in lets its page open the print window is not written down
 * (docs/EMULATOR.md row 54), and a frame without allow-modals ignores `window.print()`. With the
 * page's text selected, the browser's own Print command prints this frame's selection.
 */
export const PRINT_CONTROLS =
  '<button onclick="window.print()">Print</button> <span class="print-help">If no print window opens, click this page, press Ctrl+A then Ctrl+P (⌘A then ⌘P on a Mac) and print the selection.</span>';
