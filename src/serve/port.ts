/**
 * Is a port free? `npm start` and `npm run dev` ask before they build, so a
 * second `npm start` says the port is taken at once instead of rebuilding
 * `_site` under the running server first and failing afterwards.
 */
import { createServer } from 'node:net';

/** Resolves when `port` on `host` can be listened on (and is released again); rejects with one line saying what to do. */
export function assertPortFree(port: number, host: string, command: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) =>
      reject(new Error(`${command}: port ${port} on ${host} is in use (${err.code ?? err.message}): stop the other server or set PORT to another port`)),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** PORT from the environment (default 8080), checked to be a port number. */
export function portFromEnv(env: Readonly<Record<string, string | undefined>>, command: string): number {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${command}: PORT must be a port number (0–65535), not "${env.PORT}"`);
  return port;
}
