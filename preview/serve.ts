/**
 * `npm start [-- --school messy]`: builds (done by the npm script), then serves the preview and
 * prints its URL. The default school fits; the messy one has problems to find and fix.
 */
import { startPreview } from './server';
import { SAMPLES, isSampleName } from '../sample/school';

const at = process.argv.indexOf('--school');
const sample = at >= 0 ? (process.argv[at + 1] ?? '') : 'lincoln';
if (!isSampleName(sample)) {
  console.error(
    `No sample school "${sample}". Try one of: ${Object.keys(SAMPLES).join(', ')} (npm start -- --school messy).`,
  );
  process.exit(2);
}
const port = Number(process.env.PORT ?? 8080);
startPreview({ port, host: process.env.HOST ?? '127.0.0.1', sample }).then(
  (preview) => {
    const students = preview.school.emulator.spreadsheet.sheetByName('Roster')?.lastRow() ?? 1;
    console.log(`Student-Led Conferences preview: ${preview.url}`);
    console.log(
      `  the ${sample} sample school (${students - 1} students) in an in-memory Google Workspace; Ctrl+C to stop.`,
    );
    if (sample === 'lincoln')
      console.log('  A school with problems to fix: npm start -- --school messy');
  },
  (e: unknown) => {
    console.error(`Could not start the preview: ${e instanceof Error ? e.message : String(e)}`);
    console.error('Is the port taken? Try PORT=8081 npm start');
    process.exit(1);
  },
);
