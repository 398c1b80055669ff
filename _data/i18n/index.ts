import type { InterfaceLang } from '../site.ts';
import { en } from './en.ts';
import { zhHantHK, type Strings } from './zh-Hant-HK.ts';

export type { Strings };

export const dictionaries: Record<InterfaceLang, Strings> = {
  'zh-Hant-HK': zhHantHK,
  en,
};
