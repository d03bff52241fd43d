// Country names as ClinicalTrials.gov and people write them, to ISO 3166-1 alpha-2 codes. Pure.
//
// The codes and their English names come from i18n-iso-countries, a maintained list of the current
// ISO 3166-1 codes. Only those codes are ever returned: a list built by asking the browser's region
// names for every pair of letters also finds withdrawn codes that share a country's name, and so once
// turned Germany into DD (East Germany), Vietnam into VD and Serbia into CS.
import countries from "i18n-iso-countries";
import english from "i18n-iso-countries/langs/en.json";

countries.registerLocale(english);

const CODES = new Set(Object.keys(countries.getAlpha2Codes()));

function key(name: string) {
  return name
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z]/g, "");
}

const BY_NAME = new Map<string, string>();
// The names Intl knows for the current codes (e.g. "Myanmar (Burma)", "Congo - Kinshasa").
const display = new Intl.DisplayNames(["en"], { type: "region" });
for (const code of CODES) {
  const name = display.of(code);
  if (name && name !== code) BY_NAME.set(key(name), code);
}
// The registry's own spellings that neither list has.
for (const [name, code] of [
  ["Iran, Islamic Republic of", "IR"],
  ["Viet Nam", "VN"],
  ["Macedonia, The Former Yugoslav Republic of", "MK"],
  ["Korea, Democratic People's Republic of", "KP"],
  ["Congo, The Democratic Republic of the", "CD"],
  ["Palestinian Territory, occupied", "PS"],
  ["Libyan Arab Jamahiriya", "LY"],
  ["Reunion", "RE"],
] as const) {
  BY_NAME.set(key(name), code);
}

/** Two-letter abbreviations people type that are not ISO codes. */
const ABBREVIATIONS: Record<string, string> = { UK: "GB", EL: "GR" };

/** "United States" → "US", "de" → "DE", "UK" → "GB"; undefined when the name or code is not a current country. */
export function countryCode(name: string): string | undefined {
  const trimmed = name.trim();
  const upper = trimmed.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper)) return CODES.has(upper) ? upper : ABBREVIATIONS[upper];
  return countries.getAlpha2Code(trimmed, "en") ?? BY_NAME.get(key(trimmed));
}

/** Every current ISO 3166-1 country as a choice for a form: its code and English name, by name. */
export function countryChoices(): { code: string; name: string }[] {
  return [...CODES].map((code) => ({ code, name: display.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name, "en"));
}
