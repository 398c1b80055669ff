/**
 * The one rule for "a numeric cell": its whole text is a number, an amount, a
 * percentage (alone or as a share in brackets after a figure), a year or year
 * range, or a dash standing for nil. Such a cell
 * keeps together (never wraps inside `1 300`, `14,323`, `2.7億` or
 * `2020/21年`), aligns on the right in the body and uses tabular figures.
 */
const NUMBER = String.raw`[-+−]?(?:HK\$|\$)?(?:\d{1,3}(?:[ ,]\d{3})+|\d+)(?:\.\d+)?`;
/** Amount units and percent as printed after a number: `億`, `萬元`, `百萬元`, `%`. */
const UNIT = String.raw`(?:\s*(?:%|％|(?:百萬|千萬|萬|億|千)元?|元))?`;
/** `2022年`, `2021-22年度`, `2020/21年`, `2022-2023`, `2019至2020年度`. */
const YEARS = String.raw`\d{4}\s*(?:[-–/至]\s*\d{2,4})?\s*年度?`;
const RANGE = String.raw`${NUMBER}${UNIT}\s*[-–至]\s*${NUMBER}${UNIT}`;
/** A figure followed by its share in brackets: `20 (87%)`. */
const SHARE = String.raw`(?:\s*[(（]${NUMBER}${UNIT}[)）])?`;
const NUMERIC = new RegExp(String.raw`^(?:約\s*)?(?:${NUMBER}${UNIT}${SHARE}|${YEARS}|${RANGE}|[-–—]+)$`, 'u');

export function isNumericCell(text: string): boolean {
  return NUMERIC.test(text.trim());
}
