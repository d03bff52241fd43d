// The register's filters in an address, for its pages, the minutes and the CSV export alike.
import { ZDecisionFilters, type DecisionFilters } from "@/lib/decisions/schema";

type Params = Record<string, string | string[] | undefined>;

export function filtersFrom(params: Params | URLSearchParams): DecisionFilters {
  const get = (k: string) => {
    const v = params instanceof URLSearchParams ? params.get(k) : params[k];
    return (Array.isArray(v) ? v[0] : v) ?? undefined;
  };
  return ZDecisionFilters.parse({ kind: get("kind"), group: get("group"), year: get("year"), visibility: get("visibility"), q: get("q") });
}

export function filterQuery(filters: DecisionFilters, page = 1): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `?${query}` : "";
}
