/** The part of Eleventy's programmatic API that src/site/eleventy-config.ts uses (Eleventy ships no types). */
declare module '@11ty/eleventy' {
  interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    pathPrefix?: string;
    /** Configuration callback, run with Eleventy's config API (method syntax: any config subset type is accepted). */
    config?(eleventyConfig: never): unknown;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
  }
}

/** The part of @11ty/eleventy-plugin-rss that the feeds use (src/site/pages/feed.11ty.ts; the plugin ships no types). */
declare module '@11ty/eleventy-plugin-rss' {
  /** A date as Atom writes it (RFC 3339, UTC, whole seconds): 2023-04-01T00:00:00Z. */
  export function dateToRfc3339(date: Date): string;
}

/** Eleventy's dev server (live reload), as scripts/dev.ts uses it (it ships no types). */
declare module '@11ty/eleventy-dev-server' {
  export default class EleventyDevServer {
    static getServer(name: string, dir: string, options: object): EleventyDevServer;
    serve(port: number): void;
    reload(event: { files: string[] }): void;
    close(): Promise<void>;
  }
}
