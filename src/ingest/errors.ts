/** An ingest failure that names the source file and line, so a maintainer can go straight to it. */
export class IngestError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly detail: string,
  ) {
    super(`${file}:${line}: ${detail}`);
    this.name = 'IngestError';
  }
}

export type WarningKind =
  | 'header-missing'
  | 'header-partial'
  | 'end-marker-missing'
  | 'reply-no-mismatch'
  | 'member-mismatch'
  | 'head-mismatch'
  | 'programme-mismatch'
  | 'edition-mismatch'
  | 'bidi-removed';

/**
 * What the PDF's text extraction did to a document (DESIGN.md: about one reply in fifteen lost its
 * header block; one reply has no end marker): the ingest recovers each through the document's
 * index, and they recur on every run of the same source. `npm run ingest` counts them in one line
 * (listed with --warnings); the other kinds — a header or an edition disagreeing with the index or
 * with the other edition — are news to a reviewer and printed one by one. src/ingest/README.md, "Warnings".
 */
export const EXTRACTION_LOSSES: ReadonlySet<WarningKind> = new Set(['header-missing', 'header-partial', 'end-marker-missing']);

/** Something the ingest resolved but a reviewer should know about. */
export interface IngestWarning {
  kind: WarningKind;
  replyNo: string;
  line: number;
  message: string;
}
