// The lengths a member organization's fields may have: the schema and the form read these numbers.
export const ORGANIZATION_TEXT_MAX = { name: 200, shortName: 20, timeZone: 64 } as const;
