/** A printable HTML document: the pages given, in order, under one title and style sheet. Pure. */
import { escapeHtml } from './templates';

export function printPage(title: string, style: string, bodies: string[]): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>${style}</style></head>
<body>${bodies.join('\n')}</body></html>
`;
}
