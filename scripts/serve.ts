/**
 * npm start: build, then serve _site on http://localhost:8080 the way GitHub
 * Pages does (src/serve/static-server.ts: directory index, 404 page). PORT
 * overrides; SITE_URL defaults to this server's address.
 */
import path from 'node:path';
import { settingsFromEnv } from '../_data/site.ts';
import { serveDirectory } from '../src/serve/static-server.ts';
import { main } from './build.ts';

const port = Number(process.env.PORT ?? 8080);
// Locally, absolute URLs (canonical, og:url, the 404 page's links) point at this server.
const root = await main(settingsFromEnv({ SITE_URL: `http://localhost:${port}/`, ...process.env }));
if (!root) process.exit(1);
try {
  await serveDirectory(root, '/', { port, host: 'localhost' });
  console.log(`Serving ${path.relative(process.cwd(), root) || root} at http://localhost:${port}/ (Ctrl-C stops)`);
} catch (err) {
  console.error(`npm start: cannot listen on port ${port}: ${(err as Error).message} (set PORT to use another)`);
  process.exit(1);
}
