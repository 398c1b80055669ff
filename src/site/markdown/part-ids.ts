/**
 * Names for numbered parts, so a link can say "part 3 of the answer":
 * a paragraph that starts with `3.` is part `3`; one that starts with `(b)`
 * is part `3-b` inside part 3 (or `b` before any numbered part). A letter
 * counts only as the next in sequence — `(a)`, or the letter after the last
 * one — so roman numerals like `(i)` after `(a)` are not taken for letters.
 * The text is the paragraph's Markdown source, where the ingest escaped the
 * dot of list-like numbering (`3\.`).
 */
export class PartNamer {
  private number: string | null = null;
  private letter: string | null = null;

  /** The part name of a paragraph, or null when it does not start a numbered part. */
  name(markdown: string): string | null {
    const num = /^(\d{1,3})\\?\.(?!\d)/.exec(markdown);
    if (num) {
      this.number = String(Number(num[1]));
      this.letter = null;
      return this.number;
    }
    const let_ = /^\(([a-z])\)/.exec(markdown);
    if (let_) {
      const l = let_[1]!;
      const next = this.letter === null ? 'a' : String.fromCharCode(this.letter.charCodeAt(0) + 1);
      if (l !== 'a' && l !== next) return null;
      this.letter = l;
      return this.number === null ? l : `${this.number}-${l}`;
    }
    return null;
  }
}
