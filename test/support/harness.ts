/**
 * The browser-and-server pair most browser tests share: chromium plus a static
 * server for a built site under a GitHub-Pages-like prefix. Started lazily in
 * uvu's before.each (see once.ts for why not before), closed in after.
 */
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../src/serve/chromium.ts';
import { once } from './once.ts';
import { serveDirectory, type StaticServer } from '../../src/serve/static-server.ts';

export class BrowserAndServer {
  #browser?: Browser;
  #server?: StaticServer;

  /** `siteDir` is a function so a test file can decide (or build) the site inside a test. */
  constructor(siteDir: () => string, prefix = '/legco-archive/') {
    this.ready = once(async () => {
      this.#server = await serveDirectory(siteDir(), prefix);
      this.#browser = await launchChromium();
    });
  }

  /** For test.before.each: starts both once; a failure fails the test that needed them. */
  readonly ready: () => Promise<void>;

  /** For test.after. */
  close = async (): Promise<void> => {
    await this.#browser?.close();
    await this.#server?.close();
  };

  get browser(): Browser {
    if (!this.#browser) throw new Error('browser not started: call ready() first');
    return this.#browser;
  }

  get server(): StaticServer {
    if (!this.#server) throw new Error('server not started: call ready() first');
    return this.#server;
  }
}
