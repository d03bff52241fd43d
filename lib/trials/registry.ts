// Trial registry identifiers: their formats and where each is looked up. Pure.

export const REGISTRIES = {
  NCT: {
    short: "NCT",
    label: "ClinicalTrials.gov",
    pattern: /^NCT\d{8}$/,
    example: "NCT01533207",
    url: (id: string) => `https://clinicaltrials.gov/study/${id}`,
  },
  ISRCTN: {
    short: "ISRCTN",
    label: "ISRCTN registry",
    pattern: /^ISRCTN\d{8}$/,
    example: "ISRCTN13580965",
    url: (id: string) => `https://www.isrctn.com/${id}`,
  },
  EudraCT: {
    short: "EudraCT",
    label: "EU Clinical Trials Register (EudraCT)",
    pattern: /^\d{4}-\d{6}-\d{2}$/,
    example: "2012-002852-17",
    url: (id: string) => `https://www.clinicaltrialsregister.eu/ctr-search/search?query=${id}`,
  },
  /** EU CT number, given by the Clinical Trials Information System since 2023 (EU Regulation 536/2014). */
  EUCT: {
    short: "EU CT",
    label: "EU Clinical Trials Information System (CTIS)",
    pattern: /^\d{4}-5\d{5}-\d{2}-\d{2}$/,
    example: "2023-501234-12-00",
    url: (id: string) => `https://euclinicaltrials.eu/search-for-clinical-trials/?lang=en&EUCT=${id}`,
  },
  UMIN: {
    short: "UMIN",
    label: "UMIN Clinical Trials Registry",
    pattern: /^UMIN\d{9}$/,
    example: "UMIN000027280",
    url: () => "https://center6.umin.ac.jp/cgi-open-bin/ctr_e/index.cgi",
  },
  jRCT: {
    short: "jRCT",
    label: "Japan Registry of Clinical Trials",
    pattern: /^jRCT(\d{10}|[a-z]\d{9})$/,
    example: "jRCT2031200001",
    url: (id: string) => `https://jrct.mhlw.go.jp/latest-detail/${id}`,
  },
  ACTRN: {
    short: "ACTRN",
    label: "ANZCTR",
    pattern: /^ACTRN\d{14}$/,
    example: "ACTRN12616000061437",
    url: (id: string) => `https://www.anzctr.org.au/${id}.aspx`,
  },
} as const;

export type Registry = keyof typeof REGISTRIES;

/** How people name a registry's ids: "EU CT", "NCT", for a stored key. */
export function registryShortName(registry: string): string {
  return registry in REGISTRIES ? REGISTRIES[registry as Registry].short : registry;
}
export const REGISTRY_NAMES = Object.keys(REGISTRIES) as Registry[];

/** Trims, drops inner spaces and fixes the prefix's case, so "nct 0153 3207" reads as NCT01533207. */
export function normalizeRegistryId(registry: Registry, raw: string): string {
  const compact = raw.trim().replace(/\s+/g, "");
  if (registry === "jRCT") return compact.replace(/^jrct/i, "jRCT");
  return compact.toUpperCase();
}

export type RegistryCheck =
  { ok: true; registry: Registry; value: string; url: string } | { ok: false; field: "registry" | "value"; message: string };

export function checkRegistryId(registry: string, raw: string): RegistryCheck {
  if (!(REGISTRY_NAMES as string[]).includes(registry))
    return { ok: false, field: "registry", message: `Choose one of the registries: ${REGISTRY_NAMES.join(", ")}.` };
  const r = registry as Registry;
  const value = normalizeRegistryId(r, raw);
  const spec = REGISTRIES[r];
  if (!spec.pattern.test(value)) {
    // What was typed is quoted back only when it is short enough to read.
    const typed = raw.trim();
    // Named as people name the registry's ids ("EU CT", not the stored key).
    const quoted = typed.length > 0 && typed.length <= 40 ? `"${typed}" is not a ${spec.short} id` : `This is not a ${spec.short} id`;
    return { ok: false, field: "value", message: `${quoted}: it looks like ${spec.example}.` };
  }
  return { ok: true, registry: r, value, url: spec.url(value) };
}

/** Which registry an id belongs to, judged by its shape alone (for ids found in imported studies). */
export function detectRegistry(raw: string): { registry: Registry; value: string } | null {
  for (const registry of REGISTRY_NAMES) {
    const value = normalizeRegistryId(registry, raw);
    if (REGISTRIES[registry].pattern.test(value)) return { registry, value };
  }
  return null;
}
