/**
 * The built bundle, loaded as Apps Script loads it. npm test builds first (see package.json).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { createEmulator } from '../../emulator';
import { loadBundle } from '../../emulator/loader';
import { ADDON_TITLE, API_NAMES } from '../../src/shared/api';

const BUILD = join(__dirname, '../../build');
const code = readFileSync(join(BUILD, 'Code.js'), 'utf8');

function load() {
  const emulator = createEmulator();
  const bundle = loadBundle(emulator, BUILD);
  return { emulator, bundle };
}

/** The export names of the entry file, read from its source. */
function entryExports(): string[] {
  const src = readFileSync(join(__dirname, '../../src/server/main.ts'), 'utf8');
  const lists = [...src.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((m) =>
    m[1]!
      .split(',')
      .map((s) =>
        s
          .trim()
          .split(/\s+as\s+/)
          .pop()!,
      )
      .filter(Boolean),
  );
  const functions = [...src.matchAll(/export\s+function\s+(\w+)/g)].map((m) => m[1]!);
  return [...lists, ...functions];
}

describe('build/Code.js', () => {
  it('declares every export of src/server/main.ts as a real top-level function', () => {
    const names = entryExports();
    expect(names).toEqual(expect.arrayContaining(['onOpen', 'onInstall', 'showSidebar']));
    for (const name of names) expect(code).toMatch(new RegExp(`^function ${name}\\(\\)`, 'm'));
    const { bundle } = load();
    expect(bundle.functions().sort()).toEqual([...names].sort());
  });

  it('exposes every function of the shared server API to google.script.run', () => {
    const { bundle } = load();
    expect(bundle.functions()).toEqual(expect.arrayContaining([...API_NAMES]));
  });

  it('is a classic script with no import, export, require or Node built-in', () => {
    expect(() => new vm.Script(code)).not.toThrow(); // import/export would not parse as a script
    expect(code).not.toMatch(/\brequire\s*\(/);
    expect(code).not.toMatch(/\bimport\s*\(/);
    expect(code).not.toMatch(/["']node:/);
    expect(code).not.toMatch(
      /\bfrom\s*["'](fs|path|os|crypto|child_process|http|https|url|util|vm|buffer)["']/,
    );
    expect(code).not.toMatch(/\bprocess\.(env|argv)/);
  });

  it('runs in a context without Node or browser globals', () => {
    const { bundle } = load();
    for (const g of ['require', 'process', 'setTimeout', 'window', 'document', 'fetch']) {
      expect(vm.runInContext(`typeof ${g}`, bundle.context)).toBe('undefined');
    }
  });
});

describe('appsscript.json', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '../../appsscript.json'), 'utf8')) as {
    runtimeVersion: string;
    oauthScopes: string[];
  };

  it('uses V8 and lists its scopes explicitly, none of them restricted', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes.length).toBeGreaterThan(0);
    for (const scope of manifest.oauthScopes) {
      expect(scope).not.toBe('https://mail.google.com/');
      expect(scope).not.toBe('https://www.googleapis.com/auth/drive');
      expect(scope).not.toBe('https://www.googleapis.com/auth/spreadsheets'); // currentonly is enough for the bound sheet
    }
  });
});

describe('the add-on menu, on the built bundle', () => {
  it.each(['NONE', 'LIMITED'] as const)(
    'onOpen in AuthMode.%s builds the menu and touches no user data',
    (authMode) => {
      const { emulator, bundle } = load();
      bundle.open(authMode);
      const menu = emulator.sheets.ui.menus.get(ADDON_TITLE);
      expect(menu?.items.map((i) => i.caption)).toEqual([
        'Open',
        'Print conference packets',
        'Print letters for families without email',
        'Print student prep links',
        'Print class debrief',
        'Check this Google account',
      ]);
      const report = emulator.ws.reports.at(-1)!;
      expect(report.error).toBeUndefined();
      const touched = Object.keys(report.callsByMethod).filter(
        (m) => !/^SpreadsheetApp\.(getUi|Ui\.create\w*Menu|Menu\.)/.test(m),
      );
      expect(touched).toEqual([]);
    },
  );

  it('points every menu item at a top-level function of the bundle', () => {
    const { emulator, bundle } = load();
    bundle.open('LIMITED');
    for (const item of emulator.sheets.ui.menus.get(ADDON_TITLE)!.items)
      expect(bundle.functions()).toContain(item.functionName);
  });

  it('onInstall builds the same menu as onOpen', () => {
    const { emulator, bundle } = load();
    bundle.open('FULL', 'onInstall');
    expect(emulator.sheets.ui.menus.get(ADDON_TITLE)?.items.map((i) => i.functionName)).toEqual([
      'showSidebar',
      'showPackets',
      'showLetters',
      'showClassLists',
      'showDebrief',
      'checkThisAccount',
    ]);
  });

  it('the menu item opens the sidebar: one self-contained HTML page, titled', () => {
    const { emulator, bundle } = load();
    bundle.open('LIMITED');
    bundle.run('showSidebar');
    const sidebar = emulator.sheets.ui.sidebar!;
    expect(sidebar.title).toBe('Student-Led Conferences');
    expect(sidebar.html).toMatch(/<script>[\s\S]+<\/script>/);
    expect(sidebar.html).not.toMatch(/<script[^>]+src=/);
    expect(sidebar.html).not.toMatch(/<link[^>]+href=/);
    expect(sidebar.html).not.toMatch(/(src|href)=["']?https?:/);
  });

  it('reports call counts and modelled seconds for the execution', () => {
    const { emulator, bundle } = load();
    bundle.run('showSidebar');
    const report = emulator.ws.reports.at(-1)!;
    expect(report.entry).toBe('showSidebar');
    expect(report.callsByMethod).toMatchObject({
      'HtmlService.createHtmlOutputFromFile': 1,
      'SpreadsheetApp.Ui.showSidebar': 1,
    });
    expect(report.elapsedMs).toBeGreaterThan(0);
  });
});
