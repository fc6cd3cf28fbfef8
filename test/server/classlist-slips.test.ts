/**
 * The slips a teacher cuts from the printed class list and hands to students: each carries the
 * student's own QR code (their link, which fills in their code), the form's short address to
 * type instead, and their code; after the conference the same for the reflection. No long
 * personal link to copy by hand, and no other student's code.
 */
import { openSchool } from '../../preview/school';
import { qrSvg } from '../../src/core/qr';
import { escapeHtml } from '../../src/core/templates';
import { ok, run } from './calls';
import type { StudentLink } from '../../src/shared/api';

describe('the class list’s slips', () => {
  const s = openSchool({ students: 30 });
  run(s, 'setup');
  run(s, 'student-forms');
  const links = ok<StudentLink[]>(s.bundle.callFromClient('getStudentLinks', []));
  s.bundle.run('showClassLists');
  const html = s.emulator.sheets.ui.dialogs.at(-1)!.html;
  const slips = html.split('<div class="slip">').slice(1);
  // A slip is found by the student's code: two students may share a name.
  const slipOf = (l: StudentLink) => slips.find((x) => x.includes(l.code))!;

  it('gives every student one slip with their own name and code, and no one else’s code', () => {
    expect(slips).toHaveLength(links.length);
    for (const l of links) {
      expect(slips.filter((x) => x.includes(l.code))).toHaveLength(1);
      // Named with the Student ID: two students may share a name.
      expect(slipOf(l)).toContain(
        `<strong>${escapeHtml(l.name)}</strong> (${escapeHtml(l.studentId)})`,
      );
      const others = links.filter((o) => o.code !== l.code).map((o) => o.code);
      expect(others.filter((code) => slipOf(l).includes(code))).toEqual([]);
    }
  });

  it('carries a QR code of the student’s own link, and a short address instead of the long link', () => {
    for (const l of links.slice(0, 6)) {
      const slip = slipOf(l);
      // The code of the student's own link (the encoder is checked against a reference one in
      // test/core/qr.test.ts), as letters.test.ts checks a family's.
      expect(slip).toContain(qrSvg(l.link, 110));
      // The prefilled link (with the code in it) is never printed as text to copy by hand.
      expect(slip).not.toContain(l.link.replace(/&/g, '&amp;'));
      expect(slip).toMatch(/<code>https:\/\/forms\.gle\/[^<]+<\/code>/);
    }
    // After the conference: the reflection form's short address (the same code is typed).
    const reflecting = links.filter((l) => l.reflectionLink);
    expect(reflecting).toHaveLength(links.length);
    for (const l of reflecting.slice(0, 3)) {
      expect(slipOf(l)).toMatch(
        /look back.<\/strong> Go to <code>https:\/\/forms\.gle\/[^<]+<\/code>/,
      );
      expect(slipOf(l)).not.toContain(l.reflectionLink.replace(/&/g, '&amp;'));
    }
    // A student whose forms are Spanish is told so.
    const spanish = links.find((l) => l.formLanguage === 'es');
    if (spanish) expect(slipOf(spanish)).toContain('Spanish');
  });
});
