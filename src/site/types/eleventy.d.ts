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
