import { itemOf, pagesOf, type TemplateData } from '../data/routes.ts';
import { tableCsv } from '../../open-data/table-exports.ts';

export const data = pagesOf('table-csv');

export function render(d: TemplateData): string {
  return tableCsv(itemOf(d.archive, d.route, 'table-csv'));
}
