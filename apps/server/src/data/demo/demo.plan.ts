import type { TableConfig } from '../data.types';
import { seededRandom, type Random } from './demo.random';
import { WORDS } from './demo.words';

/** The seed of the demo base: change it and every demo base changes with it. */
export const DEMO_SEED = 20_240_601;

/** One planned record: cells by field name; links name other planned records by index. */
export interface PlannedRecord {
  fields: Record<string, unknown>;
  links?: Record<string, { table: 'Companies' | 'Contacts'; index: number }>;
}

/** The demo CRM: tables with their plain fields, and about 200 records. */
export interface DemoPlan {
  tables: TableConfig[];
  records: { Companies: PlannedRecord[]; Contacts: PlannedRecord[]; Deals: PlannedRecord[] };
}

const choices = (names: readonly string[]) => ({ choices: names.map((name) => ({ name })) });
const DATE = { dateFormat: { name: 'iso' } };
const PROBABILITY: Record<string, number> = { Lead: 0.1, Qualified: 0.25, Proposal: 0.5, Negotiation: 0.7, Won: 1, Lost: 0 };

const TABLES: TableConfig[] = [
  {
    name: 'Companies',
    description: 'Organisations we sell to.',
    fields: [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Industry', type: 'singleSelect', options: choices(WORDS.industries) },
      { name: 'Size', type: 'singleSelect', options: choices(WORDS.sizes) },
      { name: 'Country', type: 'singleLineText' },
      { name: 'Website', type: 'url' },
      { name: 'Employees', type: 'number', options: { precision: 0 } },
    ],
  },
  {
    name: 'Contacts',
    description: 'People at those companies.',
    fields: [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Email', type: 'email' },
      { name: 'Phone', type: 'phoneNumber' },
      { name: 'Title', type: 'singleLineText' },
      { name: 'Last contacted', type: 'date', options: DATE },
    ],
  },
  {
    name: 'Deals',
    description: 'Opportunities in the pipeline.',
    fields: [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Stage', type: 'singleSelect', options: choices(WORDS.stages) },
      { name: 'Amount', type: 'currency', options: { precision: 0, symbol: '$' } },
      { name: 'Probability', type: 'percent', options: { precision: 0 } },
      { name: 'Close date', type: 'date', options: DATE },
      { name: 'Notes', type: 'multilineText' },
    ],
  },
];

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '');
const day = (random: Random, year: number) => new Date(Date.UTC(year, 0, 1) + random.int(0, 364) * 86_400_000).toISOString().slice(0, 10);

function unique(random: Random, count: number, make: () => string): string[] {
  const out = new Set<string>();
  while (out.size < count) out.add(make());
  return [...out];
}

/** Plans the demo base from the seed (no clock, no network: the same plan on every machine). */
export function demoPlan(seed = DEMO_SEED): DemoPlan {
  const random = seededRandom(seed);
  const companyNames = unique(random, 40, () => `${random.pick(WORDS.companyStarts)} ${random.pick(WORDS.companyEnds)}`);
  const Companies = companyNames.map((name) => ({
    fields: {
      Name: name,
      Industry: random.pick(WORDS.industries),
      Size: random.pick(WORDS.sizes),
      Country: random.pick(WORDS.countries),
      Website: `https://${slug(name)}.example`,
      Employees: random.int(3, 4000),
    },
  }));
  const people = unique(random, 80, () => `${random.pick(WORDS.firstNames)} ${random.pick(WORDS.lastNames)}`);
  const Contacts = people.map((name, index) => {
    const company = index < 40 ? index : random.int(0, 39);
    return {
      fields: {
        Name: name,
        Email: `${name.toLowerCase().replace(' ', '.')}@${slug(companyNames[company]!)}.example`,
        Phone: `+1 555 01${String(random.int(0, 99)).padStart(2, '0')}`,
        Title: random.pick(WORDS.titles),
        'Last contacted': day(random, 2025),
      },
      links: { Company: { table: 'Companies' as const, index: company } },
    };
  });
  const dealNames = new Set<string>();
  const Deals = Array.from({ length: 80 }, () => {
    const contact = random.int(0, 79);
    const company = Contacts[contact]!.links.Company.index;
    const stage = random.weighted<string>([['Lead', 4], ['Qualified', 3], ['Proposal', 3], ['Negotiation', 2], ['Won', 3], ['Lost', 2]]);
    const products = WORDS.products.filter((product) => !dealNames.has(`${product} – ${companyNames[company]!}`));
    const name = `${random.pick(products.length > 0 ? products : WORDS.products)} – ${companyNames[company]!}`;
    dealNames.add(name);
    return {
      fields: {
        Name: name,
        Stage: stage,
        Amount: random.int(2, 240) * 500,
        Probability: PROBABILITY[stage]!,
        'Close date': day(random, random.next() < 0.6 ? 2025 : 2026),
        ...(random.next() < 0.4 ? { Notes: random.pick(WORDS.notes) } : {}),
      },
      links: { Company: { table: 'Companies' as const, index: company }, Contact: { table: 'Contacts' as const, index: contact } },
    };
  });
  return { tables: TABLES, records: { Companies, Contacts, Deals } };
}
