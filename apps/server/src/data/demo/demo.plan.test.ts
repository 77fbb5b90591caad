import { describe, expect, it } from 'vitest';
import { demoPlan } from './demo.plan';

describe('demo plan', () => {
  it('is the same on every run: about 200 realistic records with unique names', () => {
    const plan = demoPlan();
    expect(demoPlan()).toEqual(plan);
    const { Companies, Contacts, Deals } = plan.records;
    expect([Companies.length, Contacts.length, Deals.length]).toEqual([40, 80, 80]);
    for (const records of [Companies, Contacts, Deals]) expect(new Set(records.map((record) => record.fields.Name)).size).toBe(records.length);
    expect(Contacts[0]!.fields.Email).toMatch(/^[a-z]+\.[a-z]+@[a-z]+\.example$/);
    for (const deal of Deals) {
      const company = deal.links!.Company!.index;
      expect(Contacts[deal.links!.Contact!.index]!.links!.Company!.index).toBe(company);
      expect(deal.fields.Name).toContain(String(Companies[company]!.fields.Name));
    }
    expect(demoPlan(1)).not.toEqual(plan);
  });
});
