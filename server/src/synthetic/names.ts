// Names and identifiers for synthetic entities: pinyin-like words, so full-text search behaves as on real
// Chinese registers (many entities share a word, few share two), plus a unique registry number.
import type { EntityKind, Identifier } from '../domain/model.js';
import type { Rng } from './random.js';

const SYLLABLES = [
  'an', 'bao', 'bei', 'cheng', 'da', 'dong', 'fang', 'feng', 'fu', 'guang', 'hai', 'hang', 'he', 'heng', 'hong',
  'hua', 'hui', 'jia', 'jian', 'jin', 'jing', 'kai', 'kang', 'li', 'long', 'mei', 'ming', 'nan', 'ning', 'ping',
  'qi', 'qian', 'rui', 'sheng', 'shi', 'tai', 'tian', 'tong', 'wei', 'wen', 'xin', 'xing', 'xu', 'yang', 'yi',
  'yong', 'yuan', 'yun', 'ze', 'zhen', 'zheng', 'zhi', 'zhong', 'zhou',
] as const;
const PLACES = ['Beijing', 'Shanghai', 'Hangzhou', 'Shenzhen', 'Urumqi', 'Kashgar', 'Hotan', 'Aksu', 'Wuhan', 'Chengdu', 'Xi\'an', 'Tianjin', 'Nanjing', 'Chongqing', 'Harbin', 'Kunming'];
const TRADES = ['Technology', 'Electronics', 'Digital', 'Security', 'Intelligent Systems', 'Trading', 'Construction', 'Energy', 'Logistics', 'Software', 'Optics', 'Semiconductor', 'Equipment', 'Holdings'];
const SURNAMES = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo'];
const COUNTRIES = ['cn', 'cn', 'cn', 'cn', 'cn', 'cn', 'hk', 'sg', 'ky', 'vg', 'us', 'gb', 'de', 'nl'];

function word(rng: Rng): string {
  const w = rng.pick(SYLLABLES) + rng.pick(SYLLABLES);
  return w[0]!.toUpperCase() + w.slice(1);
}

export interface Naming {
  name: string;
  aliases: string[];
  country: string;
  identifiers: Identifier[];
}

export function nameEntity(kind: EntityKind, registry: string, rng: Rng): Naming {
  const place = rng.pick(PLACES);
  let name: string;
  if (kind === 'Person') name = `${rng.pick(SURNAMES)} ${word(rng)}`;
  else if (kind === 'StateBody') name = rng.chance(0.5) ? `${place} ${word(rng)} State-owned Assets Supervision and Administration Commission` : `${place} ${word(rng)} Finance Bureau`;
  else if (kind === 'InvestmentVehicle') name = `${place} ${word(rng)} ${rng.pick(['Investment Group', 'Industrial Fund', 'Capital Partnership', 'Urban Construction Investment'])}`;
  else name = `${word(rng)} ${word(rng)} ${rng.pick(TRADES)} Co., Ltd.`;
  const aliases = kind !== 'Person' && rng.chance(0.3) ? [`${name.split(' ')[0]} ${rng.pick(TRADES)} Group`] : [];
  const country = kind === 'Person' || kind === 'StateBody' ? 'cn' : rng.pick(COUNTRIES);
  return { name, aliases, country, identifiers: [{ scheme: 'SYN', value: registry }] };
}
