// The lengths an identity provider's settings may have: the schema and the form read these numbers.
export const SSO_TEXT_MAX = { issuer: 500, clientId: 200, clientSecret: 1000, emailDomains: 1000 } as const;
