// Types for edition.js (a plain browser module), for tsc strict.
export function searchEdition(doc: Document, search: string, interfaceLang: string): { lang: string; base: string; param: string | null; resultPrefix: string | null; data: unknown };
export function editionSwitch(edition: { lang: string; data: unknown }, currentQuery: () => string): HTMLElement | null;
export function localizedResult(rel: string, prefix: string): string;
