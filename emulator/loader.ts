/**
 * Runs build/Code.js as Apps Script does: one global scope (a fresh vm context) holding the
 * services, the bundle's top-level function declarations becoming the callable entry points,
 * and no Node or browser globals (no require, process, setTimeout, fetch).
 *
 * Each run() is one execution. google.script.run calls go through callFromClient(), which
 * passes arguments and results as Apps Script does: only JSON-like values cross, a Date in the
 * arguments fails the call, and a result holding a Date reaches the client as null
 * (https://developers.google.com/apps-script/guides/html/reference/run#parameters).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import type { Emulator } from './index';
import type { AuthMode } from './runtime';

export interface RunOptions {
  authMode?: AuthMode;
  user?: string;
  /** Shown in reports; defaults to the function's name. */
  entry?: string;
}

export interface Manifest {
  timeZone?: string;
  runtimeVersion?: string;
  oauthScopes?: string[];
}

function hasDate(value: unknown): boolean {
  if (value instanceof Date) return true;
  if (Array.isArray(value)) return value.some(hasDate);
  if (value && typeof value === 'object') return Object.values(value).some(hasDate);
  return false;
}

function isIllegal(value: unknown): boolean {
  if (typeof value === 'function' || hasDate(value)) return true;
  if (Array.isArray(value)) return value.some(isIllegal);
  if (value && typeof value === 'object') return Object.values(value).some(isIllegal);
  return false;
}

/**
 * The bundle's Date reads the virtual clock: `new Date()` and `Date.now()` are the emulated
 * "now", so time budgets, reminders and "sent at" stamps follow the modelled time. It is a
 * subclass of Node's Date, so the services recognise the dates the bundle makes.
 */
function virtualDate(emulator: Emulator): DateConstructor {
  const clock = emulator.ws.clock;
  const NodeDate = Date;
  class VirtualDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(clock.now());
      else super(...(args as [number]));
    }
    static override now(): number {
      return clock.now();
    }
    /** In Apps Script a cell's Date and the script's are one Date: `value instanceof Date` holds for both. */
    static override [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof NodeDate;
    }
  }
  return VirtualDate as unknown as DateConstructor;
}

/**
 * JavaScript's own globals, bound once in the script scope every script of the context shares.
 * A name the bundle looks up on a vm context's global object goes through Node's interceptor on
 * every use, so a loop calling Math.imul or String ran some twenty times slower than on Apps
 * Script's V8 (the 600-student demo spent a third of its time there). The bindings hold the same
 * objects the global object does (Date the virtual one), so the bundle sees nothing else change.
 */
const BUILTIN_BINDINGS = `const { ${[
  'Array',
  'Boolean',
  'Date',
  'Error',
  'Intl',
  'JSON',
  'Map',
  'Math',
  'Number',
  'Object',
  'RangeError',
  'RegExp',
  'Set',
  'String',
  'Symbol',
  'TypeError',
  'WeakMap',
  'WeakSet',
  'encodeURIComponent',
  'isFinite',
  'isNaN',
  'parseFloat',
  'parseInt',
].join(', ')} } = globalThis;`;

export class Bundle {
  readonly context: vm.Context;
  readonly manifest: Manifest;

  constructor(
    readonly emulator: Emulator,
    readonly code: string,
    manifest: Manifest,
  ) {
    this.manifest = manifest;
    this.context = vm.createContext({ ...emulator.globals, Date: virtualDate(emulator) });
    vm.runInContext(BUILTIN_BINDINGS, this.context, { filename: 'builtins.js' });
    vm.runInContext(code, this.context, { filename: 'Code.js' });
    emulator.ws.grantedScopes = manifest.oauthScopes ? new Set(manifest.oauthScopes) : null;
    emulator.triggers.runner = (handler, event, options) => {
      this.run(handler, [event], options);
    };
  }

  /** Names of the bundle's top-level functions (what Apps Script lists and can call). */
  functions(): string[] {
    return Object.keys(this.context).filter(
      (k) => typeof this.context[k] === 'function' && !(k in this.emulator.globals) && k !== 'Date',
    );
  }

  /** Calls a top-level function as one execution. */
  run(name: string, args: unknown[] = [], options: RunOptions = {}): unknown {
    const fn = this.context[name];
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
    return this.emulator.ws.execute(
      { entry: options.entry ?? name, authMode: options.authMode ?? 'FULL', user: options.user },
      () => (fn as (...a: unknown[]) => unknown)(...args),
    );
  }

  /** The simple trigger Sheets runs when the document opens (or the add-on is installed). */
  open(authMode: AuthMode = 'LIMITED', handler: 'onOpen' | 'onInstall' = 'onOpen'): void {
    const source =
      authMode === 'NONE' ? undefined : this.emulator.globals.SpreadsheetApp.getActiveSpreadsheet();
    this.run(handler, [{ authMode, source }], { authMode, entry: `${handler} (${authMode})` });
  }

  /**
   * A google.script.run call from the sidebar. Resolves to the JSON the client would get;
   * rejects with the error message the failure handler would get.
   */
  callFromClient(name: string, args: unknown[], options: RunOptions = {}): unknown {
    if (name.endsWith('_')) throw new Error(`Script function not found: ${name}`);
    if (args.some(isIllegal)) throw new Error(`Failed due to illegal value in property: ${name}`);
    const result = this.run(name, JSON.parse(JSON.stringify(args)) as unknown[], options);
    if (result === undefined || isIllegal(result)) return null;
    return JSON.parse(JSON.stringify(result));
  }
}

/** Loads build/Code.js, the HTML files and the manifest from a build directory. */
export function loadBundle(emulator: Emulator, buildDir: string): Bundle {
  const code = readFileSync(join(buildDir, 'Code.js'), 'utf8');
  const manifest = JSON.parse(readFileSync(join(buildDir, 'appsscript.json'), 'utf8')) as Manifest;
  for (const file of readdirSync(buildDir).filter((f) => f.endsWith('.html'))) {
    emulator.html.files.set(
      file.replace(/\.html$/, ''),
      readFileSync(join(buildDir, file), 'utf8'),
    );
  }
  return new Bundle(emulator, code, manifest);
}
