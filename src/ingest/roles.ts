/**
 * Every source line is claimed by exactly one step; the audit then checks that
 * no line with ink is left unclaimed.
 */
export const Role = {
  unclaimed: 0,
  /** The index table at the top, and its title block. */
  index: 1,
  /** Page footers, reply header blocks, end markers: recognised and dropped. */
  furniture: 2,
  /** Labelled header fields (總目, 綱領 …) whose values go to the front-matter. */
  header: 3,
  /** Question, reply and annex text that goes to the Markdown body. */
  body: 4,
} as const;
export type Role = (typeof Role)[keyof typeof Role];
