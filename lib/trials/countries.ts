// Country names as ClinicalTrials.gov writes them, to ISO 3166-1 alpha-2 codes. Pure.

const names = new Intl.DisplayNames(["en"], { type: "region" });
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

function key(name: string) {
  return name
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z]/g, "");
}

const BY_NAME = new Map<string, string>();
for (const a of LETTERS) {
  for (const b of LETTERS) {
    const code = `${a}${b}`;
    const name = names.of(code);
    // First code wins: "United Kingdom" is GB, not the reserved UK.
    if (name && name !== code && !BY_NAME.has(key(name))) BY_NAME.set(key(name), code);
  }
}
// Names the registry uses that differ from the common English ones.
for (const [name, code] of [
  ["Korea, Republic of", "KR"],
  ["Russian Federation", "RU"],
  ["Iran, Islamic Republic of", "IR"],
  ["Czech Republic", "CZ"],
  ["Turkey", "TR"],
  ["Taiwan", "TW"],
  ["Hong Kong", "HK"],
  ["Viet Nam", "VN"],
] as const) {
  BY_NAME.set(key(name), code);
}

/** "United States" → "US"; undefined when the name is not known. */
export function countryCode(name: string): string | undefined {
  const trimmed = name.trim();
  const upper = trimmed.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper) && names.of(upper) !== upper) return upper;
  return BY_NAME.get(key(trimmed));
}
