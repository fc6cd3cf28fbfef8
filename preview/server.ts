/**
 * The local preview: the real sidebar (build/Sidebar.html) beside the spreadsheet's tabs, its
 * google.script.run bridged to the built bundle running in the emulator; plus the sent mail,
 * the calendar events, the forms (answer one as a family: the real trigger fires) and the
 * executions with their call counts and modelled time.
 *
 * Everything the page shows is written with textContent (preview/page.ts): the sample data and
 * whatever a tester types are shown, never run.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { SheetModel } from '../emulator/sheets/model';
import { PAGE } from './page';
import { availabilityLinks } from '../src/core/formlinks';
import { parseRoster } from '../src/core/roster';
import { readStudentFormsState, studentLinks } from '../src/core/studentforms';
import { BUILD_DIR, openSchool, type School } from './school';
import { isSampleName, SAMPLES, type SampleName } from '../sample/school';

export interface Preview {
  url: string;
  /** The school on show: another one once the page's menu opens another sample. */
  readonly school: School;
  close(): Promise<void>;
}

/** The page's sample menu: each sample school, as a person choosing one reads it. */
export const SAMPLE_LABELS: Record<SampleName, string> = {
  lincoln: 'Lincoln (120 students, fits)',
  messy: 'Messy (300 students, problems)',
};

/** google.script.run in the page: each call is a POST to /api/run, answered asynchronously. */
const SHIM = `<script>
(function () {
  function runner(success, failure) {
    var target = {
      withSuccessHandler: function (fn) { return runner(fn, failure); },
      withFailureHandler: function (fn) { return runner(success, fn); },
      withUserObject: function () { return target; }
    };
    return new Proxy(target, {
      get: function (t, name) {
        if (name in t) return t[name];
        return function () {
          var args = Array.prototype.slice.call(arguments);
          fetch('/api/run', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: String(name), args: args }) })
            .then(function (r) { return r.json(); })
            .then(function (answer) {
              try { window.parent.postMessage('slc:changed', '*'); } catch (e) {}
              if (answer.ok) { if (success) success(answer.value); }
              else if (failure) { failure(new Error(answer.message)); }
            }, function (e) { if (failure) failure(e); });
        };
      }
    });
  }
  window.google = { script: { run: runner(null, null), host: { close: function () { window.parent.postMessage('slc:close', '*'); } } } };
})();
</script>`;

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 1_000_000) reject(new Error('Request too large'));
      else chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {});
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

/** A row or column number a person could click on: 1 to Sheets' 10 million cells' worth. */
const isCellIndex = (n: unknown): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 10_000_000;

const json = (res: ServerResponse, value: unknown, status = 200) =>
  send(res, status, 'application/json', JSON.stringify(value));

/** What the page shows: plain data read from the emulator's state (setup reads, uncounted). */
/**
 * A sheet's embedded charts as the page draws them: the first range gives the labels (its header
 * row skipped), each other range a series named by its header.
 */
function chartsOf(sheet: SheetModel) {
  return sheet.charts.map((c) => {
    const columns = c.ranges.map((r) => {
      const source = sheet.parent.sheetById(r.sheetId)?.displayValues() ?? [];
      return Array.from(
        { length: r.numRows },
        (_, i) => source[r.row - 1 + i]?.[r.column - 1] ?? '',
      );
    });
    const [labels = [], ...series] = columns;
    return {
      title: String(c.options.title ?? ''),
      labels: labels.slice(1),
      series: series.map((v) => ({
        name: v[0] ?? '',
        // A blank cell is no value (drawn as none), not a zero.
        values: v.slice(1).map((x) => (x === '' ? null : Number(x) || 0)),
      })),
    };
  });
}

/** `mailFrom`: the messages before it are not sent again (the page holds them already). */
export function snapshot(school: School, mailFrom = 0) {
  const { emulator } = school;
  const sent = emulator.mail.sent;
  const from = mailFrom >= 0 && mailFrom <= sent.length ? mailFrom : 0;
  const doc = emulator.spreadsheet;
  return {
    now: emulator.ws.clock.date().toISOString(),
    spreadsheet: {
      name: doc.name,
      timeZone: doc.timeZone,
      activeRange: doc.activeRange
        ? { sheet: doc.sheetById(doc.activeRange.sheetId)?.name ?? '', a1: doc.activeRange.a1 }
        : null,
      sheets: doc.sheets.map((s) => ({
        name: s.name,
        frozenRows: s.frozenRows,
        values: s.displayValues(),
        notes: s.rows[0]?.map((c) => c?.note ?? '') ?? [],
        charts: chartsOf(s),
      })),
    },
    menus: [...emulator.sheets.ui.menus.values()],
    // The add-on's dialogs (a menu item's report, the packets): how many, and the last one.
    ...dialogsOf(emulator.sheets.ui.dialogs),
    mailFrom: from,
    mail: sent.slice(from),
    calendar: emulator.calendar.toJSON(),
    forms: emulator.forms.toJSON(),
    familyLinks: [
      ...availabilityLinks(
        Object.fromEntries(emulator.kv.properties.get(`document:${doc.id}`) ?? []),
      ).entries(),
    ].map(([familyId, url]) => ({ familyId, url })),
    studentLinks: studentLinksOf(
      Object.fromEntries(emulator.kv.properties.get(`document:${doc.id}`) ?? []),
      doc.sheetByName('Roster')?.values() ?? null,
    ),
    executions: emulator.ws.reports.slice(-30).reverse(),
    firings: emulator.triggers.firings.slice(-30).reverse(),
  };
}

/** The parts of the page's state it keeps while they stay the same (mail is fetched by count). */
const KEPT_PARTS = ['spreadsheet', 'calendar', 'forms', 'familyLinks', 'executions', 'firings'];

/**
 * The state with each part the page already holds left out: `have` is the versions the page
 * holds ("part:version,…"); the answer names each part's version, and in `same` the parts
 * left out. A sidebar call that changed nothing costs the page a few hundred bytes, not the
 * whole school again (hundreds of kilobytes at 120 students, megabytes at 2,000).
 */
export function unchangedLeftOut(state: Record<string, unknown>, have: string) {
  const held = new Map(have.split(',').map((p) => p.split(':') as [string, string]));
  const versions: Record<string, string> = {};
  const same: string[] = [];
  const out = { ...state };
  for (const part of KEPT_PARTS) {
    versions[part] = createHash('sha1').update(JSON.stringify(state[part])).digest('hex');
    if (held.get(part) === versions[part]) {
      same.push(part);
      delete out[part];
    }
  }
  return { ...out, versions, same };
}

function dialogsOf(all: readonly { kind: string; title: string; html: string }[]) {
  const shown = all.filter((d) => d.kind !== 'sidebar');
  const last = shown.at(-1);
  return { dialogs: shown.length, dialog: last ? { title: last.title, html: last.html } : null };
}

/**
 * The students' own prep and reflection links for the round whose student forms were made last,
 * so a person can answer as a student in the Forms tab (the page offers the first few).
 */
function studentLinksOf(
  props: Record<string, string>,
  roster: unknown[][] | null,
): { studentId: string; prep: string; reflection: string }[] {
  const round = Object.keys(readStudentFormsState(props).prep ?? {}).at(-1);
  if (!round || !roster) return [];
  const students = parseRoster(roster, null).students.map((st) => ({
    id: st.id,
    name: '',
    teacher: st.teacher,
    language: st.language,
    email: '',
  }));
  return studentLinks(props, round, students).map((l) => ({
    studentId: l.studentId,
    prep: l.link,
    reflection: l.reflectionLink,
  }));
}

export async function startPreview(
  options: {
    port?: number;
    host?: string;
    school?: School;
    /** The sample school to open when no school is given (default: lincoln, which fits). */
    sample?: SampleName;
    buildDir?: string;
  } = {},
): Promise<Preview> {
  const buildDir = options.buildDir ?? BUILD_DIR;
  // A school handed in by a test is no sample of the menu's until another one is chosen.
  let sample: SampleName | null = options.school ? null : (options.sample ?? 'lincoln');
  let school = options.school ?? openSchool({ ...SAMPLES[sample ?? 'lincoln'], buildDir });
  const sidebarHtml = () =>
    readFileSync(join(buildDir, 'Sidebar.html'), 'utf8').replace('<head>', `<head>${SHIM}`);

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      try {
        if (req.method === 'GET' && url.pathname === '/') return send(res, 200, 'text/html', PAGE);
        // No icon: an empty answer, not a 404 in the browser's console on every load.
        if (req.method === 'GET' && url.pathname === '/favicon.ico')
          return send(res, 204, 'image/x-icon', '');
        if (req.method === 'GET' && url.pathname === '/sidebar')
          return send(res, 200, 'text/html', sidebarHtml());
        if (req.method === 'GET' && url.pathname === '/api/state')
          return json(
            res,
            unchangedLeftOut(
              {
                ...snapshot(school, Number(url.searchParams.get('mailFrom') ?? 0)),
                sample,
                samples: Object.entries(SAMPLE_LABELS).map(([name, label]) => ({ name, label })),
              },
              url.searchParams.get('have') ?? '',
            ),
          );
        if (req.method === 'POST' && url.pathname === '/api/school') {
          // A fresh emulator with the chosen sample, as a new spreadsheet: nothing carries over.
          const body = (await readBody(req)) as { sample?: unknown };
          if (typeof body.sample !== 'string' || !isSampleName(body.sample))
            return json(res, { ok: false, message: 'No such sample school' }, 400);
          school = openSchool({ ...SAMPLES[body.sample], buildDir });
          sample = body.sample;
          return json(res, { ok: true });
        }
        if (req.method === 'POST' && url.pathname === '/api/run') {
          const body = (await readBody(req)) as { name?: unknown; args?: unknown };
          if (typeof body.name !== 'string' || !Array.isArray(body.args))
            return json(res, { ok: false, message: 'Bad request' }, 400);
          try {
            return json(res, {
              ok: true,
              value: school.bundle.callFromClient(body.name, body.args),
            });
          } catch (e) {
            return json(res, { ok: false, message: e instanceof Error ? e.message : String(e) });
          }
        }
        if (req.method === 'POST' && url.pathname === '/api/menu') {
          const body = (await readBody(req)) as { functionName?: unknown };
          const names = [...school.emulator.sheets.ui.menus.values()].flatMap((m) =>
            m.items.map((i) => i.functionName),
          );
          if (typeof body.functionName !== 'string' || !names.includes(body.functionName))
            return json(res, { ok: false, message: 'No such menu item' }, 400);
          school.bundle.run(body.functionName);
          return json(res, { ok: true });
        }
        if (req.method === 'POST' && url.pathname === '/api/forms/submit') {
          const body = (await readBody(req)) as {
            formId?: unknown;
            answers?: unknown;
            email?: unknown;
            url?: unknown;
          };
          if (
            typeof body.formId !== 'string' ||
            typeof body.answers !== 'object' ||
            body.answers === null
          )
            return json(res, { ok: false, message: 'Bad request' }, 400);
          try {
            const answers = body.answers as Record<string, string | string[]>;
            const email = typeof body.email === 'string' && body.email ? body.email : undefined;
            // A family's own (prefilled) link: its code comes with it, as in the browser.
            const id =
              typeof body.url === 'string' && body.url
                ? school.emulator.forms.submitPrefilled(body.url, answers, { email })
                : school.emulator.forms.submit(body.formId, answers, { email });
            return json(res, { ok: true, value: id });
          } catch (e) {
            return json(res, { ok: false, message: e instanceof Error ? e.message : String(e) });
          }
        }
        if (req.method === 'POST' && url.pathname === '/api/cell') {
          const body = (await readBody(req)) as Record<string, unknown>;
          const doc = school.emulator.globals.SpreadsheetApp.getActiveSpreadsheet();
          const sheet = typeof body.sheet === 'string' ? doc?.getSheetByName(body.sheet) : null;
          const { row, column, value } = body;
          if (!sheet || !isCellIndex(row) || !isCellIndex(column) || typeof value !== 'string')
            return json(res, { ok: false, message: 'Bad request' }, 400);
          try {
            // As a person types it: outside any execution of the add-on, so nothing is counted.
            sheet.getRange(row, column).setValue(value);
            return json(res, { ok: true });
          } catch (e) {
            return json(res, { ok: false, message: e instanceof Error ? e.message : String(e) });
          }
        }
        if (req.method === 'POST' && url.pathname === '/api/clock') {
          const body = (await readBody(req)) as { hours?: unknown };
          const hours =
            typeof body.hours === 'number' && body.hours > 0 && body.hours <= 24 * 60
              ? body.hours
              : 0;
          school.emulator.triggers.advanceTo(school.emulator.ws.clock.now() + hours * 3600_000);
          return json(res, { ok: true });
        }
        send(res, 404, 'text/plain', 'Not found');
      } catch (e) {
        send(res, 500, 'text/plain', e instanceof Error ? e.message : String(e));
      }
    })();
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const address = server.address() as AddressInfo;
  return {
    url: `http://${address.address}:${address.port}/`,
    get school() {
      return school;
    },
    close: () =>
      new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
