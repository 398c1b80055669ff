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

/** Something the ingest resolved but a reviewer should know about. */
export interface IngestWarning {
  kind: WarningKind;
  replyNo: string;
  line: number;
  message: string;
}
