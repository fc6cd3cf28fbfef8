import { createSpreadsheetApp, RANGE_ERRORS } from '../../emulator/sheets/app';
import { SpreadsheetStore } from '../../emulator/sheets/model';
import { Workspace } from '../../emulator/runtime';

const REF = 'https://developers.google.com/apps-script/reference/spreadsheet';

function setup() {
  const ws = new Workspace();
  const store = new SpreadsheetStore(ws);
  const model = store.create('School', { active: true, timeZone: 'America/New_York' });
  const SpreadsheetApp = createSpreadsheetApp(ws, store);
  const ss = SpreadsheetApp.getActiveSpreadsheet()!;
  return { ws, store, model, SpreadsheetApp, ss, sheet: ss.getSheets()[0]! };
}

describe('SpreadsheetApp', () => {
  describe(`Range.getValues (${REF}/range#getValues())`, () => {
    it("returns '' for blank cells and a rectangle of the range's size", () => {
      const { sheet } = setup();
      sheet.getRange('B2').setValue(7);
      expect(sheet.getRange(1, 1, 2, 3).getValues()).toEqual([
        ['', '', ''],
        ['', 7, ''],
      ]);
    });

    it('returns Date objects for date cells, as fresh copies', () => {
      const { sheet } = setup();
      const d = new Date('2026-10-05T19:30:00Z');
      sheet.getRange('A1').setValue(d);
      const read = sheet.getRange('A1').getValue() as Date;
      expect(read).toBeInstanceOf(Date);
      expect(read.getTime()).toBe(d.getTime());
      read.setFullYear(2000);
      expect((sheet.getRange('A1').getValue() as Date).getFullYear()).toBe(2026);
    });
  });

  describe(`Sheet.getDataRange (${REF}/sheet#getDataRange())`, () => {
    it('reaches from A1 to the last row and column holding data', () => {
      const { sheet } = setup();
      sheet.getRange('C4').setValue('x');
      const range = sheet.getDataRange();
      expect([
        range.getRow(),
        range.getColumn(),
        range.getNumRows(),
        range.getNumColumns(),
      ]).toEqual([1, 1, 4, 3]);
    });

    it('is the one blank cell A1 on an empty sheet', () => {
      const { sheet } = setup();
      expect(sheet.getDataRange().getValues()).toEqual([['']]);
    });
  });

  describe(`Range.setValues (${REF}/range#setValues(Object))`, () => {
    it('throws the row-count error when the data has another number of rows', () => {
      const { sheet } = setup();
      expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(
        RANGE_ERRORS.rowsMismatch(1, 2),
      );
    });

    it('throws the column-count error, naming both sizes', () => {
      const { sheet } = setup();
      expect(() => sheet.getRange(1, 1, 1, 4).setValues([[1, 2, 3, 4, 5]])).toThrow(
        'The number of columns in the data does not match the number of columns in the range. The data has 5 but the range has 4.',
      );
    });

    it('reads text as a user would type it: numbers, booleans, dates and formulas', () => {
      const { sheet, model } = setup();
      sheet
        .getRange(1, 1, 1, 6)
        .setValues([
          ['00123', 'TRUE', '2026-10-05', '3:30 PM', '=IMPORTXML("http://x","//a")', 'Ana'],
        ]);
      const row = sheet.getRange(1, 1, 1, 6).getValues()[0]!;
      expect(row[0]).toBe(123); // leading zeros lost, as in Sheets
      expect(row[1]).toBe(true);
      expect(row[2]).toBeInstanceOf(Date);
      expect(sheet.getRange(1, 1, 1, 6).getDisplayValues()[0]!.slice(2, 4)).toEqual([
        '2026-10-05',
        '3:30 PM',
      ]);
      expect(sheet.getRange('E1').getFormula()).toBe('=IMPORTXML("http://x","//a")');
      expect(model.sheets[0]!.cell(1, 6)?.f).toBeUndefined();
    });

    it("keeps text as text after an apostrophe or in a plain-text ('@') cell", () => {
      const { sheet } = setup();
      sheet.getRange('B1').setNumberFormat('@');
      sheet.getRange(1, 1, 1, 2).setValues([["'=1+1", '00123']]);
      expect(sheet.getRange(1, 1, 1, 2).getValues()).toEqual([['=1+1', '00123']]);
      expect(sheet.getRange(1, 1, 1, 2).getFormulas()).toEqual([['', '']]);
    });

    it.each([
      { keep: true, stored: "'Ōla" },
      { keep: false, stored: 'Ōla' },
    ])(
      'a plain-text cell written "\'Ōla" holds $stored (plainTextKeepsApostrophe $keep; docs/EMULATOR.md row 6)',
      ({ keep, stored }) => {
        const { model, sheet } = setup();
        model.plainTextKeepsApostrophe = keep;
        sheet.getRange('A1:A3').setNumberFormat('@');
        sheet.getRange('A1:A2').setValues([["'Ōla"], ['=Rosa']]);
        sheet.getRange('A3').setValue("'Ōla");
        model.sheets[0]!.appendRow(["'Ōla"]);
        expect(sheet.getRange('A1:A2').getValues()).toEqual([[stored], ['=Rosa']]);
        expect(sheet.getRange('A3').getValue()).toBe(stored);
        // A cell of another format drops the quote prefix either way.
        expect(sheet.getRange('A4').getValue()).toBe('Ōla');
      },
    );

    it('treats "+cmd" and "-cmd" as formulas too, the injection docs/DESIGN.md section 7 guards against', () => {
      const { sheet } = setup();
      sheet.getRange(1, 1, 1, 3).setValues([['+SUM(1)', '-A1', '-5']]);
      expect(sheet.getRange(1, 1, 1, 3).getFormulas()[0]!.slice(0, 2)).toEqual([
        '=+SUM(1)',
        '=-A1',
      ]);
      expect(sheet.getRange('C1').getValue()).toBe(-5);
    });

    it('rejects a value that breaks a strict data validation and writes nothing', () => {
      const { sheet, SpreadsheetApp } = setup();
      const rule = SpreadsheetApp.newDataValidation()
        .requireValueInList(['yes', 'no'])
        .setAllowInvalid(false)
        .build();
      sheet.getRange('B1:B2').setDataValidation(rule);
      expect(() =>
        sheet.getRange(1, 1, 2, 2).setValues([
          ['a', 'yes'],
          ['b', 'maybe'],
        ]),
      ).toThrow(RANGE_ERRORS.validation('B2'));
      expect(sheet.getRange('A1').getValue()).toBe('');
    });
  });

  describe(`Sheet.getRange (${REF}/sheet#getRange(Integer,Integer,Integer,Integer))`, () => {
    it.each([
      [[0, 1, 1, 1], RANGE_ERRORS.rowTooSmall],
      [[1, 0, 1, 1], RANGE_ERRORS.columnTooSmall],
      [[1, 1, 0, 1], RANGE_ERRORS.numRows],
      [[1, 1, 1, 0], RANGE_ERRORS.numColumns],
      [[1000, 1, 2, 1], RANGE_ERRORS.outside],
    ])('throws for %j', (args, message) => {
      const { sheet } = setup();
      const [r, c, nr, nc] = args as [number, number, number, number];
      expect(() => sheet.getRange(r, c, nr, nc)).toThrow(message);
    });

    it('understands A1 notation, whole columns and a sheet name', () => {
      const { sheet, ss } = setup();
      expect(sheet.getRange('B2:C4').getA1Notation()).toBe('B2:C4');
      expect(sheet.getRange('A:B').getNumRows()).toBe(1000);
      sheet.setName('My roster');
      expect(ss.getRange("'My roster'!C3").getSheet().getName()).toBe('My roster');
    });
  });

  describe(`Sheet.getLastRow / appendRow (${REF}/sheet#appendRow(Object))`, () => {
    it('appends after the last row with content and grows a full sheet', () => {
      const { sheet } = setup();
      expect(sheet.getLastRow()).toBe(0);
      sheet.getRange(1000, 1).setValue('last');
      sheet.appendRow(['next']);
      expect(sheet.getMaxRows()).toBe(1001);
      expect(sheet.getRange(1001, 1).getValue()).toBe('next');
      expect(sheet.getLastRow()).toBe(1001);
    });
  });

  describe(`Sheet structure (${REF}/sheet)`, () => {
    it('freezes rows, inserts and deletes rows, and keeps notes with their cells', () => {
      const { sheet } = setup();
      sheet.setFrozenRows(1);
      expect(sheet.getFrozenRows()).toBe(1);
      sheet.getRange('A3').setValue('x').setNote('check this');
      sheet.insertRowsAfter(1, 2);
      expect(sheet.getRange('A5').getValue()).toBe('x');
      expect(sheet.getRange('A5').getNote()).toBe('check this');
      sheet.deleteRows(2, 2);
      expect(sheet.getRange('A3').getValue()).toBe('x');
      expect(() => sheet.deleteRows(1, sheet.getMaxRows())).toThrow(
        'Sorry, it is not possible to delete all non-frozen rows.',
      );
    });

    it('protects a sheet once and lists its protection', () => {
      const { sheet } = setup();
      const p = sheet.protect().setDescription('Managed by the add-on').setWarningOnly(true);
      sheet.protect();
      const list = sheet.getProtections('SHEET');
      expect(list).toHaveLength(1);
      expect(list[0]!.getDescription()).toBe('Managed by the add-on');
      expect(p.isWarningOnly()).toBe(true);
    });
  });

  describe(`Spreadsheet.insertSheet (${REF}/spreadsheet#insertSheet(String))`, () => {
    it('refuses a second sheet with the same name, as Sheets does', () => {
      const { ss } = setup();
      ss.insertSheet('Roster');
      expect(() => ss.insertSheet('Roster')).toThrow(
        'A sheet with the name "Roster" already exists. Please enter another name.',
      );
      expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'Roster']);
    });

    // Sheets ignores case in tab names (reported: socialpoint-labs/sheetfu#26 "trying to create
    // 2 sheets with the same name but different cases fails, whether you do it from the
    // spreadsheet UI or the API"; docs/EMULATOR.md rows 7-8).
    it('refuses a tab whose name differs only in case, and finds tabs whatever the case', () => {
      const { ss } = setup();
      ss.insertSheet('Schedule');
      expect(() => ss.insertSheet('schedule')).toThrow(
        'A sheet with the name "schedule" already exists. Please enter another name.',
      );
      expect(() => ss.insertSheet('Sheet1').setName('SCHEDULE')).toThrow('already exists');
      expect(ss.getSheetByName('SCHEDULE')!.getName()).toBe('Schedule');
      // Changing only the case of a tab's own name is allowed.
      ss.getSheetByName('Schedule')!.setName('schedule');
      expect(ss.getSheetByName('Schedule')!.getName()).toBe('schedule');
    });

    it('compares tab names exactly when the switch is off', () => {
      const { store, SpreadsheetApp } = setup();
      store.sheetNamesIgnoreCase = false;
      const other = SpreadsheetApp.openById(store.create('Exact').id);
      other.insertSheet('Schedule');
      other.insertSheet('schedule');
      expect(other.getSheetByName('SCHEDULE')).toBeNull();
    });

    it('finds sheets by name and returns null for a missing one', () => {
      const { ss } = setup();
      expect(ss.getSheetByName('Nope')).toBeNull();
      expect(ss.getSheetByName('Sheet1')!.getIndex()).toBe(1);
    });

    it('will not delete the last sheet', () => {
      const { ss, sheet } = setup();
      expect(() => ss.deleteSheet(sheet)).toThrow("You can't remove all the sheets in a document.");
    });
  });

  describe(`Range.getDisplayValues (${REF}/range#getDisplayValues())`, () => {
    it("formats dates in the spreadsheet's time zone with the cell's number format", () => {
      const { sheet, ss } = setup();
      sheet
        .getRange('A1')
        .setValue(new Date('2026-11-02T14:05:00Z'))
        .setNumberFormat('yyyy-mm-dd hh:mm');
      expect(sheet.getRange('A1').getDisplayValue()).toBe('2026-11-02 09:05');
      ss.setSpreadsheetTimeZone('Europe/Paris');
      expect(sheet.getRange('A1').getDisplayValue()).toBe('2026-11-02 15:05');
      expect(() => ss.setSpreadsheetTimeZone('Mars/Olympus')).toThrow('Invalid argument: timeZone');
    });
  });

  describe(`Range.activate (${REF}/range#activate())`, () => {
    it('selects the range so a person sees the cell to fix', () => {
      const { ss, sheet } = setup();
      const roster = ss.insertSheet('Roster');
      ss.setActiveSheet(sheet);
      roster.getRange('C7').activate();
      expect(ss.getActiveSheet().getName()).toBe('Roster');
      expect(ss.getActiveRange()!.getA1Notation()).toBe('C7');
    });
  });

  describe(`Ui (${REF}/ui)`, () => {
    it('builds the add-on menu in AuthMode.NONE without touching the document', () => {
      const { ws, store, SpreadsheetApp } = setup();
      ws.execute({ entry: 'onOpen', authMode: 'NONE' }, () => {
        SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'showSidebar').addToUi();
        expect(() => SpreadsheetApp.getActiveSpreadsheet()).toThrow(/permission/);
      });
      expect(store.ui.menus.get('Add-on')!.items).toEqual([
        { caption: 'Open', functionName: 'showSidebar' },
      ]);
    });

    it('answers alerts from scripted answers, OK by default', () => {
      const { store, SpreadsheetApp } = setup();
      store.ui.scriptedAnswers.push({ button: 'NO' });
      const ui = SpreadsheetApp.getUi();
      expect(ui.alert('Replace?', 'Replace the schedule?', ui.ButtonSet.YES_NO)).toBe('NO');
      expect(ui.alert('Done')).toBe('OK');
      expect(store.ui.alerts.map((a) => a.prompt)).toEqual(['Replace the schedule?', 'Done']);
    });
  });

  describe('call counting', () => {
    it('costs one call for a batched read of a whole sheet', () => {
      const { ws, sheet } = setup();
      sheet
        .getRange(1, 1, 500, 10)
        .setValues(
          Array.from({ length: 500 }, (_, r) => Array.from({ length: 10 }, (_, c) => r * c)),
        );
      ws.execute({ entry: 'read' }, () => sheet.getDataRange().getValues());
      expect(ws.reports[0]!.callsByMethod).toEqual({
        'SpreadsheetApp.Sheet.getDataRange': 1,
        'SpreadsheetApp.Range.getValues': 1,
      });
    });
  });
});
