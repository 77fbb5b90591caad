/** Words the demo CRM is made of (invented companies and people). */
export const WORDS = {
  companyStarts: ['Blue', 'North', 'Bright', 'Iron', 'Silver', 'Green', 'Red', 'Summit', 'Harbor', 'Pine', 'Cedar', 'Quantum', 'Atlas', 'Nova', 'Orbit', 'Maple', 'Granite', 'Coral', 'Falcon', 'Beacon'],
  companyEnds: ['Labs', 'Systems', 'Works', 'Logistics', 'Health', 'Foods', 'Energy', 'Analytics', 'Robotics', 'Textiles', 'Capital', 'Studios', 'Networks', 'Outfitters', 'Clinics'],
  industries: ['Software', 'Manufacturing', 'Healthcare', 'Retail', 'Finance', 'Logistics', 'Education', 'Energy'],
  sizes: ['1-10', '11-50', '51-200', '201-1000', '1000+'],
  countries: ['United States', 'Germany', 'France', 'United Kingdom', 'Canada', 'Netherlands', 'Spain', 'Japan', 'Brazil', 'Australia'],
  firstNames: ['Ada', 'Ben', 'Chloe', 'Dmitri', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Keiko', 'Liam', 'Maya', 'Noah', 'Olga', 'Priya', 'Quentin', 'Rosa', 'Sven', 'Tara', 'Umar', 'Vera', 'Wei', 'Yara', 'Zoe'],
  lastNames: ['Andersen', 'Brooks', 'Chen', 'Diaz', 'Eriksen', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jansen', 'Kowalski', 'Lopez', 'Moreau', 'Nakamura', 'Okafor', 'Patel', 'Rossi', 'Schmidt', 'Tanaka', 'Weber'],
  titles: ['CEO', 'CTO', 'Head of Operations', 'Procurement Manager', 'VP Sales', 'Office Manager', 'IT Director', 'Finance Lead', 'Product Manager', 'Founder'],
  products: ['Platform licence', 'Onboarding package', 'Annual support', 'Pilot project', 'Data migration', 'Training days', 'Enterprise plan', 'Integration work'],
  stages: ['Lead', 'Qualified', 'Proposal', 'Negotiation', 'Won', 'Lost'],
  notes: ['Asked for a discount on the second year.', 'Wants a demo for the whole team.', 'Budget approved for next quarter.', 'Comparing us with two other vendors.', 'Needs SSO before signing.', 'Champion is moving to another role.'],
} as const;
