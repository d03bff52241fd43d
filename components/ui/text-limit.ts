// How a length limit is shown while typing. Pure, so it is tested without a browser.

/** From this share of the limit on, the count shows: early enough to plan, late enough not to nag. */
export const SHOW_FROM = 0.8;

/**
 * The length the server will check: it trims the text, and a browser sends each line break of a
 * text area as two characters (CR LF), so each counts as two here as well.
 */
export function submittedLength(text: string): number {
  return text.trim().replace(/\r?\n/g, "\r\n").length;
}

export type LimitBand = "quiet" | "near" | "at" | "over";

export function limitBand(length: number, max: number): LimitBand {
  if (length > max) return "over";
  if (length === max) return "at";
  return length >= Math.ceil(max * SHOW_FROM) ? "near" : "quiet";
}

const n = (value: number) => value.toLocaleString("en");

/** What shows under the field: nothing until the text nears the limit. */
export function limitCounter(length: number, max: number): string {
  const band = limitBand(length, max);
  if (band === "quiet") return "";
  const count = `${n(length)} / ${n(max)}`;
  if (band === "at") return `${count}: the limit`;
  if (band === "over") {
    const over = length - max;
    return `${count}: ${n(over)} ${over === 1 ? "character" : "characters"} over the limit`;
  }
  return count;
}

/** What a screen reader is told, once each time the text enters another band, not at every key. */
export function limitAnnouncement(band: LimitBand, max: number): string {
  switch (band) {
    case "quiet":
      return "";
    case "near":
      return `Nearing the limit of ${n(max)} characters.`;
    case "at":
      return `The limit of ${n(max)} characters is reached.`;
    case "over":
      return `Over the limit of ${n(max)} characters: shorten the text before saving.`;
  }
}
