/**
 * HtmlService: the project's HTML files, outputs and templates.
 * Reference: https://developers.google.com/apps-script/reference/html/html-service and the
 * templates guide https://developers.google.com/apps-script/guides/html/templates
 * (<?= ?> prints escaped, <?!= ?> prints raw, <? ?> runs code).
 */
import { registerLatency } from './latency';
import { AppsScriptException, type Workspace } from './runtime';

registerLatency('HtmlService', {
  createHtmlOutput: { base: 5 },
  createHtmlOutputFromFile: { base: 50 },
  createTemplateFromFile: { base: 50 },
  'HtmlTemplate.evaluate': { base: 30 },
});

export function escapeHtml(s: unknown): string {
  return String(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export class HtmlOutput {
  private title = '';
  private width = 300;
  private height = 500;
  constructor(private content: string) {}
  getContent() {
    return this.content;
  }
  setContent(c: string) {
    this.content = String(c);
    return this;
  }
  append(c: string) {
    this.content += String(c);
    return this;
  }
  appendUntrusted(c: string) {
    this.content += escapeHtml(c);
    return this;
  }
  getTitle() {
    return this.title;
  }
  setTitle(t: string) {
    this.title = String(t);
    return this;
  }
  getWidth() {
    return this.width;
  }
  setWidth(w: number) {
    this.width = w;
    return this;
  }
  getHeight() {
    return this.height;
  }
  setHeight(h: number) {
    this.height = h;
    return this;
  }
  setSandboxMode() {
    return this;
  }
  setXFrameOptionsMode() {
    return this;
  }
  addMetaTag() {
    return this;
  }
  setFaviconUrl() {
    return this;
  }
}

/** Compiles a template to a function of its variables, as Apps Script's scriptlets work. */
function compileTemplate(source: string): (vars: Record<string, unknown>) => string {
  let body = 'var __out = [];\n';
  let last = 0;
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    body += `__out.push(${JSON.stringify(source.slice(last, m.index))});\n`;
    const code = m[2]!.trim();
    if (m[1] === '=') body += `__out.push(__escape(${code}));\n`;
    else if (m[1] === '!=') body += `__out.push(String(${code}));\n`;
    else body += `${code}\n`;
    last = m.index + m[0].length;
  }
  body += `__out.push(${JSON.stringify(source.slice(last))});\nreturn __out.join('');`;
  // Scriptlets see the template's properties as variables, like Apps Script's "with" scope.
  const fn = new Function('__vars', '__escape', `with (__vars) {\n${body}\n}`) as (
    v: Record<string, unknown>,
    e: typeof escapeHtml,
  ) => string;
  return (vars) => fn(vars, escapeHtml);
}

export class HtmlFiles {
  readonly files = new Map<string, string>();
  get(name: string): string {
    const content = this.files.get(name) ?? this.files.get(name.replace(/\.html$/, ''));
    if (content === undefined)
      throw new AppsScriptException(`No HTML file named ${name} was found.`);
    return content;
  }
}

export function createHtmlService(ws: Workspace, files: HtmlFiles) {
  const call = <T>(method: string, body: () => T) =>
    ws.call('HtmlService', method, body, { auth: 'none' });
  function template(source: string) {
    const t: Record<string, unknown> = {
      evaluate: () =>
        call('HtmlTemplate.evaluate', () => {
          const vars = Object.fromEntries(
            Object.entries(t).filter(
              ([k]) => !['evaluate', 'getCode', 'getRawContent'].includes(k),
            ),
          );
          return new HtmlOutput(compileTemplate(source)(vars));
        }),
      getRawContent: () => source,
      getCode: () => source,
    };
    return t;
  }
  return {
    SandboxMode: { IFRAME: 'IFRAME', NATIVE: 'NATIVE', EMULATED: 'EMULATED' },
    XFrameOptionsMode: { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' },
    createHtmlOutput: (html = '') => call('createHtmlOutput', () => new HtmlOutput(String(html))),
    createHtmlOutputFromFile: (name: string) =>
      call('createHtmlOutputFromFile', () => new HtmlOutput(files.get(name))),
    createTemplate: (html: string) => template(String(html)),
    createTemplateFromFile: (name: string) =>
      call('createTemplateFromFile', () => template(files.get(name))),
  };
}
