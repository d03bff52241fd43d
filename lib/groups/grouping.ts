/** Members grouped by organization, organizations in alphabetical order. */
export function membersByOrganization<M extends { user: { membership: { organization: { shortName: string } } | null } }>(members: M[]) {
  const byOrg = new Map<string, M[]>();
  for (const m of members) {
    const key = m.user.membership?.organization.shortName ?? "IRCI Secretariat";
    byOrg.set(key, [...(byOrg.get(key) ?? []), m]);
  }
  return [...byOrg.entries()].sort(([a], [b]) => a.localeCompare(b));
}
