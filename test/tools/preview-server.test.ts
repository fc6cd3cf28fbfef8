/**
 * The local preview's server answers a browser's own requests as well as the page's: a browser
 * asks every page for /favicon.ico, and a 404 there showed in the console of every load.
 */
import { openSchool } from '../../preview/school';
import { type Preview, startPreview } from '../../preview/server';

describe('the preview server', () => {
  let preview: Preview;
  beforeAll(async () => {
    preview = await startPreview({ school: openSchool({ students: 12 }) });
  });
  afterAll(async () => {
    await preview?.close();
  });

  it('answers the browser’s icon request with no error (no 404 in the console)', async () => {
    const r = await fetch(new URL('/favicon.ico', preview.url));
    expect(r.status).toBe(204);
  });

  it('still answers an unknown path with 404', async () => {
    const r = await fetch(new URL('/no-such-page', preview.url));
    expect(r.status).toBe(404);
  });
});
