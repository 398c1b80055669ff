/** The part of Eleventy's programmatic API that scripts/build.ts uses (Eleventy ships no types). */
declare module '@11ty/eleventy' {
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: { configPath?: string; quietMode?: boolean; pathPrefix?: string });
    write(): Promise<unknown>;
  }
}
