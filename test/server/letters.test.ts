/**
 * Print letters for families without email, on the built bundle: one page per such family with
 * the QR code of its own link, then the office's phone list; nothing about a family with email,
 * and nothing written (printing twice changes nothing).
 */
import { openSchool } from '../../preview/school';
import { qrSvg } from '../../src/core/qr';
import { parseRoster } from '../../src/core/roster';
import { props, run } from './calls';

describe('printing the letters for families without email', () => {
  it('shows each paper family’s letter and the phone list, names no family with email, and writes nothing', () => {
    const s = openSchool({ students: 30 });
    const roster = s.emulator.spreadsheet.sheetByName('Roster')!;
    const families = parseRoster(roster.values(), null).families;
    const [paper, other] = families.filter((f) => f.studentIds.length === 1);
    const header = roster.values()[0]!.map(String);
    roster.patch(1, header.length + 1, { v: 'Phone' });
    for (const row of paper!.rows) {
      roster.patch(row, header.length + 1, { v: '555-0199' });
      header.forEach((h, i) => {
        if (/email/i.test(h)) roster.patch(row, i + 1, { v: '' });
      });
    }
    run(s, 'setup');
    run(s, 'forms');
    const code = props(s).get(`slc:family-code:${paper!.id}`)!;
    const template = (
      JSON.parse(props(s).get('slc:forms')!) as { availability: { linkTemplate: string } }
    ).availability.linkTemplate;

    s.bundle.run('showLetters');
    const dialog = s.emulator.sheets.ui.dialogs.at(-1)!;
    expect(dialog.title).toBe('Letters for families without email');
    expect(dialog.html).toContain(
      qrSvg(template.replace('0000000000000000000000000000c0de', code)),
    );
    expect(dialog.html).toContain(`Ref. ${paper!.id} · Family code: ${code}`);
    expect(dialog.html).toContain(`Ref. ${paper!.id} · 555-0199`);
    expect(dialog.html).not.toContain(other!.id);
    const writes = Object.keys(s.emulator.ws.reports.at(-1)!.callsByMethod).filter((m) =>
      /\.set|insert|append|delete|clear/.test(m),
    );
    expect(writes).toEqual([]);
  });
});
