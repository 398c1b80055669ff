/**
 * npm start: build, then serve _site on http://localhost:8080 the way GitHub
 * Pages does (src/serve/static-server.ts: directory index, 404 page). PORT
 * overrides. The port is checked before building, so a second `npm start`
 * stops at once. The site is built with SITE_URL only when one is set: the
 * `_site` left behind never names this local server (it could be published).
 */
import path from 'node:path';
import { settingsFromEnv } from '../_data/site.ts';
import { assertPortFree, portFromEnv } from '../src/serve/port.ts';
import { serveDirectory } from '../src/serve/static-server.ts';
import { main } from './build.ts';

const host = 'localhost';
try {
  const port = portFromEnv(process.env, 'npm start');
  await assertPortFree(port, host, 'npm start');
  const root = await main(settingsFromEnv(process.env));
  if (!root) process.exit(1);
  await serveDirectory(root, '/', { port, host });
  console.log(`Serving ${path.relative(process.cwd(), root) || root} at http://${host}:${port}/ (Ctrl-C stops)`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
