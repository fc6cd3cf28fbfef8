/**
 * The functional core stays pure (docs/DESIGN.md section 2): it imports only core and the shared
 * type vocabulary, touches no Apps Script service, no DOM and no clock.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

const SRC = join(__dirname, '../../src');
const CORE = join(SRC, 'core');
const files = (readdirSync(CORE, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));

describe('src/core', () => {
  it.each(files)('%s imports only core and shared', (file) => {
    const src = readFileSync(join(CORE, file), 'utf8');
    for (const m of src.matchAll(/from\s+'([^']+)'/g)) {
      // Resolved against the file's folder: inside src/core, or the shared vocabulary.
      const target = relative(SRC, normalize(join(CORE, dirname(file), m[1]!)));
      expect(target).toMatch(/^(core|shared)\//);
    }
  });

  it.each(files)('%s uses no Apps Script service, DOM or clock', (file) => {
    // Comments included: the project's outside checks read the text as it is, and a core file
    // that names a service call in prose reads as one that makes it.
    const src = readFileSync(join(CORE, file), 'utf8');
    expect(src).not.toMatch(
      /\b(SpreadsheetApp|CalendarApp|MailApp|GmailApp|FormApp|ScriptApp|PropertiesService|LockService|CacheService|Utilities|Session|HtmlService|LanguageApp|document|window)\.[a-zA-Z]/,
    );
    expect(src).not.toMatch(/Date\.now\(|new Date\(\)/);
  });
});
