/**
 * What each step of a round costs in calls to Sheets, Calendar, Mail and Forms, beside the
 * minimum its data makes necessary (bench/round.ts: a read is the sheet, its data range and its
 * values; a write the range and its values; one email per message, one trigger run per answer).
 * The steps a school repeats all round long (asking, every answer, every hourly reminder run, the
 * questionnaire) stay within 1.2× of that minimum.
 */
import {
  MINIMUMS,
  measureRound,
  OPEN,
  READ,
  WRITE,
  type OperationFigures,
} from '../../bench/round';

jest.setTimeout(900_000);

const STUDENTS = 60;

describe('a round’s repeated steps', () => {
  let steps: Map<string, OperationFigures>;
  beforeAll(() => {
    steps = new Map(measureRound(STUDENTS).map((f) => [f.operation, f]));
  });

  it.each(['ask', 'availability answers', 'reminders', 'questionnaire'])(
    '%s: at most 1.2 times the calls its data makes necessary',
    (name) => {
      const step = steps.get(name)!;
      expect(step.minimum).toBeGreaterThan(0);
      expect(step.calls).toBeLessThanOrEqual(Math.ceil(1.2 * step.minimum));
    },
  );

  it('an availability answer is recorded and the Summary rebuilt in at most 1.2 times the reads and writes they need', () => {
    const step = steps.get('availability answers')!;
    // Per answer: the spreadsheet, its sheet list, the two languages' response sheets, the
    // Availability read and written, and the Summary's six sources read, the sheet found and
    // written, its two charts (three and two series) found and updated.
    const perAnswer = OPEN + 1 + 2 * 2 + READ + WRITE + 6 * READ + 1 + WRITE + 1 + 4 + 3;
    expect(MINIMUMS['availability answers']!.explains).toMatch(/Summary rebuilt/);
    expect(step.minimum).toBe(perAnswer * step.executions);
    expect(step.calls / step.executions).toBeLessThanOrEqual(1.2 * perAnswer);
  });
});
