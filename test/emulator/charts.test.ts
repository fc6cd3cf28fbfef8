import { createSpreadsheetApp } from '../../emulator/sheets/app';
import { SpreadsheetStore } from '../../emulator/sheets/model';
import { Workspace } from '../../emulator/runtime';

const REF = 'https://developers.google.com/apps-script/reference/spreadsheet';

function setup() {
  const ws = new Workspace();
  const store = new SpreadsheetStore(ws);
  const model = store.create('School', { active: true, timeZone: 'America/New_York' });
  const ss = createSpreadsheetApp(ws, store).getActiveSpreadsheet()!;
  return { model, sheet: ss.getSheets()[0]! };
}

describe('SpreadsheetApp charts', () => {
  describe(`Sheet.newChart / insertChart (${REF}/embedded-chart-builder#build())`, () => {
    it('draws nothing until the built chart is inserted, then gives it a spreadsheet-wide id', () => {
      const { sheet, model } = setup();
      const chart = sheet
        .newChart()
        .asColumnChart()
        .addRange(sheet.getRange('A1:C4'))
        .setTitle('Participation')
        .setPosition(2, 6, 0, 0)
        .build();
      expect(chart.getChartId()).toBeNull();
      expect(sheet.getCharts()).toHaveLength(0);
      sheet.insertChart(chart);
      const [drawn] = sheet.getCharts();
      expect(drawn!.getChartId()).toEqual(expect.any(Number));
      expect(drawn!.getOptions().get('title')).toBe('Participation');
      expect(drawn!.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:C4']);
      expect(drawn!.getContainerInfo().getAnchorColumn()).toBe(6);
      expect(model.sheets[0]!.charts).toHaveLength(1);
    });

    it('adds a range only once (addRange: "doesn\'t add a range if it has already been added")', () => {
      const { sheet } = setup();
      const b = sheet
        .newChart()
        .addRange(sheet.getRange('A1:B3'))
        .addRange(sheet.getRange('A1:B3'));
      expect(b.getRanges()).toHaveLength(1);
    });
  });

  describe(`EmbeddedChart.modify + Sheet.updateChart (${REF}/embedded-chart-builder)`, () => {
    it('changes the chart in place only when updateChart is called, keeping its id', () => {
      const { sheet } = setup();
      sheet.insertChart(
        sheet.newChart().addRange(sheet.getRange('A1:B3')).setOption('title', 'Old').build(),
      );
      const [chart] = sheet.getCharts();
      const changed = chart!
        .modify()
        .clearRanges()
        .addRange(sheet.getRange('A1:B9'))
        .setOption('title', 'New')
        .build();
      expect(sheet.getCharts()[0]!.getOptions().get('title')).toBe('Old');
      sheet.updateChart(changed);
      const after = sheet.getCharts();
      expect(after).toHaveLength(1);
      expect(after[0]!.getChartId()).toBe(chart!.getChartId());
      expect(after[0]!.getOptions().get('title')).toBe('New');
      expect(after[0]!.getRanges()[0]!.getA1Notation()).toBe('A1:B9');
    });

    it('removes a chart, and refuses to update one that is gone', () => {
      const { sheet } = setup();
      sheet.insertChart(sheet.newChart().addRange(sheet.getRange('A1:B3')).build());
      const [chart] = sheet.getCharts();
      sheet.removeChart(chart!);
      expect(sheet.getCharts()).toHaveLength(0);
      expect(() => sheet.updateChart(chart!)).toThrow(/not on this sheet/);
    });
  });
});
