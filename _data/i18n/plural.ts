/**
 * A phrase with a count, in each plural form its language has (CLDR plural
 * categories, as Intl.PluralRules names them): English needs `one` and
 * `other` ("1 reply", "2 replies"), Chinese only `other` ("{n} 則答覆").
 * src/site/lib/i18n.ts formatCount picks the form.
 */
export type PluralForms = { other: string } & Partial<Record<Exclude<Intl.LDMLPluralRule, 'other'>, string>>;
