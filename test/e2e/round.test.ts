/**
 * Issue 9 on the emulator: a whole round, then the same round cut off at service calls in turn
 * (as Apps Script cuts an execution at six minutes or a server dies), each cut-off step tried
 * again as a person would: the end state equals the clean round's, nothing lost, nothing twice.
 */
import { openSchool } from '../../preview/school';
import { orphanForms, play, round, snapshot } from './round';

const SIZE = { students: 14, teachers: 3 };

describe('a whole round', () => {
  it('ends with every student placed or explained, one questionnaire email per family and a Summary', () => {
    const s = openSchool({ students: 60 });
    const { failures } = play(s, round());
    expect(failures).toEqual([]);
    const snap = snapshot(s) as { sheets: Record<string, unknown[][]>; mail: string[]; triggers: string[]; forms: string[] };
    expect(snap.forms).toHaveLength(2);
    expect(snap.triggers).toEqual(['onFormSubmit ON_FORM_SUBMIT']);
    expect(snap.sheets.Summary!.length).toBeGreaterThan(10);
    const recipients = snap.mail.map((m) => m.split(' | ')[0]);
    expect(new Set(recipients).size).toBe(recipients.length);
  });

  it('cut off at any service call, then carried on, ends exactly as the clean round', () => {
    const clean = openSchool(SIZE);
    const start = clean.emulator.ws.callCount;
    play(clean, round());
    const expected = snapshot(clean);
    const total = clean.emulator.ws.callCount - start;
    expect(total).toBeGreaterThan(100);
    const stride = Number(process.env.SWEEP_STRIDE ?? 19);
    let cuts = 0;
    let orphans = 0;
    for (let k = 0; k < total; k += stride) {
      const s = openSchool(SIZE);
      s.emulator.ws.injectFault({ atIndex: s.emulator.ws.callCount + k, kind: 'kill' });
      play(s, round());
      expect({ cut: k, end: snapshot(s) }).toEqual({ cut: k, end: expected });
      orphans += orphanForms(s);
      cuts++;
    }
    expect(cuts).toBeGreaterThan(total / stride - 1);
    // Only a cut in the two calls between FormApp.create and saving the form's ID leaves one.
    expect(orphans).toBeLessThanOrEqual(Math.ceil((2 * 2) / stride) + 1);
  });
});
