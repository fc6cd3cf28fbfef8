/**
 * Charts embedded in a sheet: Sheet.newChart / insertChart / getCharts / updateChart /
 * removeChart, EmbeddedChartBuilder and EmbeddedChart.
 * References:
 *  - https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
 *    ("Changes made to the chart are not saved until Sheet.updateChart(chart) is called";
 *    addRange "doesn't add a range if it has already been added to the chart"; build() "does
 *    not automatically draw the chart on top of the spreadsheet": insertChart or updateChart)
 *  - https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart
 *    (getChartId: "unique across the spreadsheet or null if the chart is not in a spreadsheet")
 *  - https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertChart(EmbeddedChart)
 * Assumptions (not documented): updateChart or removeChart of a chart no longer on the sheet
 * throws; a chart's ranges are kept as grid references, so they do not follow later inserts.
 */
import type { GridRef } from './values';

export type ChartType =
  'AREA' | 'BAR' | 'COLUMN' | 'COMBO' | 'HISTOGRAM' | 'LINE' | 'PIE' | 'SCATTER' | 'TABLE';

export interface ChartRange extends GridRef {
  sheetId: number;
}

export interface ChartState {
  chartId: number;
  type: ChartType;
  ranges: ChartRange[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
}

/** What a builder or a built chart holds before it is on a sheet. */
export type ChartDraft = Omit<ChartState, 'chartId'> & { chartId: number | null };

export function sameRange(a: ChartRange, b: ChartRange): boolean {
  return (
    a.sheetId === b.sheetId &&
    a.row === b.row &&
    a.column === b.column &&
    a.numRows === b.numRows &&
    a.numColumns === b.numColumns
  );
}

export function emptyDraft(): ChartDraft {
  return {
    chartId: null,
    type: 'COLUMN',
    ranges: [],
    options: {},
    position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
  };
}
