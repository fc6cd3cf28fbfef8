/** The preview's server functions and sheets, called as the browser tests' school would. */
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { openSchool } from '../../preview/school';
import { type Preview, startPreview } from '../../preview/server';
import type { Result } from '../../src/shared/api';
import { launch, SHOTS } from './browser';

/** A server function's value, as google.script.run would give it; throws its message when refused. */
export function call<T = unknown>(preview: Preview, name: string, args: unknown[]): T {
  const r = preview.school.bundle.callFromClient(name, args) as Result<T>;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Runs a job to its end, as the sidebar does, one execution after another. */
export function runJob(preview: Preview, job: string): void {
  for (let i = 0; i < 20; i++) if (call<{ done: boolean }>(preview, 'runJob', [job]).done) return;
}

/** A sheet's rows by header. */
export function sheetRows(preview: Preview, name: string): Record<string, unknown>[] {
  const [header, ...body] = preview.school.emulator.spreadsheet.sheetByName(name)!.values();
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [String(h), r[i]])));
}

/** Chromium and the preview of a sample school of `students`, closed again whatever happens. */
export async function inPreview(
  students: number,
  play: (browser: Browser, preview: Preview) => Promise<void>,
): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const browser = await launch();
  const preview = await startPreview({ school: openSchool({ students }) });
  try {
    await play(browser, preview);
  } finally {
    await preview.close();
    await browser.close();
  }
}
