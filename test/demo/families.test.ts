/**
 * Issue 8 in the demo CLI: simulated families answer both forms through their own links and the
 * Summary lands in summary.csv.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../../demo/csv';
import { runDemo } from '../../demo/cli';

describe('the demo CLI', () => {
  it('writes summary.csv with the answers, follow-up requests and participation of the simulated families', () => {
    const out = mkdtempSync(join(tmpdir(), 'slc-demo-'));
    const { report } = runDemo(['--out', out]);
    const answers = report.formAnswers as Record<string, number>;
    expect(answers.availabilityAnswers).toBeGreaterThan(0);
    expect(answers.questionnaireAnswers).toBeGreaterThan(0);
    const grid = parseCsv(readFileSync(join(out, 'summary.csv'), 'utf8'));
    const at = (title: string) => grid.findIndex((r) => r[0] === title);
    expect(Number(grid[at('Questionnaire') + 2]![0])).toBe(answers.questionnaireAnswers);
    expect(grid[at('Follow-up requests') + 2]![2]).toBe('A weekday after 4 pm');
    expect(Number(grid[at('Participation') + 2]![2])).toBeGreaterThan(0);
  }, 120_000);
});
