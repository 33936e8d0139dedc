// The areas of the app, in the order of the counter flow. The shortcut is Alt+<index+1>.
export const areas = [
  'counselling',
  'intake',
  'cases',
  'approval',
  'issuance',
  'ledgers',
  'stats',
  'settings',
] as const;
export type Area = (typeof areas)[number];

export const isArea = (s: string): s is Area => (areas as readonly string[]).includes(s);
