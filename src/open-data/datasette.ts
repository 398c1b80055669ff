/**
 * Datasette's metadata.json beside the year's replies.db: `datasette
 * replies.db --metadata metadata.json` serves it with its title, licence,
 * source, each table's and column's description (schema.ts) and a canned
 * query that finds a Chinese term through the full-text index
 * (sqlite.ts FTS_SEARCH_SQL).
 */
import { DATA_LICENSE } from './datapackage.ts';
import { SCHEMA } from './schema.ts';
import { FTS_SEARCH_SQL } from './sqlite.ts';

/** The database's name in Datasette: the file's name without .db. */
export const DATABASE_FILE = 'replies.db';

/** `years`: the year or years the database holds (its title); `database`: Datasette's name for it, the file's name without .db. */
export function datasetteMetadata(years: string, database = DATABASE_FILE.replace(/\.db$/, '')): string {
  const both = (d: { en: string; 'zh-Hant-HK': string }) => `${d.en} / ${d['zh-Hant-HK']}`;
  const meta = {
    title: `LegCo budget replies ${years} 立法會開支預算答覆`,
    description: 'Controlling Officers\' replies to Members\' initial written questions (Examination of Estimates of Expenditure): one row per edition of each reply, the members, heads, programmes and the tables cell by cell. The official documents prevail.',
    license: DATA_LICENSE.title,
    license_url: DATA_LICENSE.path,
    source: 'Legislative Council of the Hong Kong SAR',
    source_url: 'https://www.legco.gov.hk/',
    databases: {
      [database]: {
        tables: Object.fromEntries(SCHEMA.map((t) => [t.name, { description: both(t.description), columns: Object.fromEntries(t.columns.map((c) => [c.name, both(c.description)])) }])),
        queries: {
          search: {
            title: 'Replies that contain a Chinese term 含某中文詞的答覆',
            description: 'Every edition whose text holds the term (two or more Chinese characters, e.g. 數碼港), through the full-text index of two-character pieces.',
            sql: FTS_SEARCH_SQL,
          },
        },
      },
    },
  };
  return JSON.stringify(meta, null, 1) + '\n';
}
