// Types for convert.js (a plain browser module) so the build can import it under tsc strict.
export function converterOf(core: { ConverterBuilder: Function }, dict: { segmentation?: string; chain: string[][] }): (s: string) => string;
export function needsConverting(query: string, convertible: string | undefined): boolean;
