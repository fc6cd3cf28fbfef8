/** `npm start`: builds (done by the npm script), then serves the preview and prints its URL. */
import { startPreview } from './server';

const port = Number(process.env.PORT ?? 8080);
startPreview({ port, host: process.env.HOST ?? '127.0.0.1' }).then(
  (preview) => {
    const students = preview.school.emulator.spreadsheet.sheetByName('Roster')?.lastRow() ?? 1;
    console.log(`Student-Led Conferences preview: ${preview.url}`);
    console.log(
      `  a sample school (${students - 1} students) in an in-memory Google Workspace; Ctrl+C to stop.`,
    );
  },
  (e: unknown) => {
    console.error(`Could not start the preview: ${e instanceof Error ? e.message : String(e)}`);
    console.error('Is the port taken? Try PORT=8081 npm start');
    process.exit(1);
  },
);
