// Types for page-context.js (a plain browser module) so the Node tests can import it under tsc strict.
export interface Anchor {
  id: string;
  location: number;
  element?: string;
}
export interface ResultData {
  locations?: number[];
  anchors?: Anchor[];
  meta?: Record<string, string>;
}
export function mergedLocations(datas: { locations?: number[] }[]): number[];
export function anchorAt(anchors: Anchor[] | undefined, location: number): Anchor | null;
export function matchContext(data: ResultData): { location: number | null; anchor: string | null };
