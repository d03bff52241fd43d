// The lengths people-management fields may have: the schemas and the forms read these numbers.
export const PERSON_TEXT_MAX = { name: 200, email: 320, reason: 500, search: 100 } as const;
