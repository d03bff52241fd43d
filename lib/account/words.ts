// How a session is described to the person it belongs to: the browser and system it runs in, how
// they signed in, and where from. Pure: the account page and its tests read the same words.
import Bowser from "bowser";
import { utcOffset } from "@/lib/time";

/** The longest User-Agent read: real ones are a few hundred characters; the rest is noise. */
const MAX_USER_AGENT = 1_000;

function major(version: string | undefined): string {
  const first = version?.split(".")[0];
  return first && /^\d+$/.test(first) ? ` ${first}` : "";
}

function systemWords(os: Bowser.Parser.OSDetails, platform: Bowser.Parser.PlatformDetails): string {
  if (!os.name) return "";
  if (os.name === "Windows") return os.versionName ? `Windows ${os.versionName}` : "Windows";
  if (os.name === "iOS") return platform.model === "iPad" ? "iPad" : "iPhone";
  if (os.name === "Android") return `Android${major(os.version)}`;
  return os.name;
}

/** "Firefox 125 on Linux", "Safari 17 on iPhone", "Chrome 124 on Windows 10"; never the raw header. */
export function browserWords(userAgent: string | null | undefined): string {
  const ua = userAgent?.trim().slice(0, MAX_USER_AGENT);
  if (!ua) return "Browser not recorded";
  const { browser, os, platform } = Bowser.parse(ua);
  const name = browser.name ? `${browser.name}${major(browser.version)}` : "Unknown browser";
  const system = systemWords(os, platform);
  return system ? `${name} on ${system}` : name;
}

/** The short names of the organizations, by slug, that a session's method may name. */
export type ShortNames = ReadonlyMap<string, string>;

const ORGANIZATION_SIGN_IN = /^oidc-([a-z0-9-]+)$/;

/** The organization slug of an organization's sign-on provider id ("oidc-nci" → "nci"), else null. */
export function providerOrganization(method: string | null | undefined): string | null {
  return method ? (ORGANIZATION_SIGN_IN.exec(method)?.[1] ?? null) : null;
}

/** How the person signed in: "Email link", "Sign in with NCI"; sessions from before it was kept say so. */
export function methodWords(method: string | null | undefined, shortNames: ShortNames): string {
  if (!method) return "Not recorded";
  if (method === "email") return "Email link";
  const slug = providerOrganization(method);
  if (slug) return `Sign in with ${shortNames.get(slug) ?? slug.toUpperCase()}`;
  return "Another way";
}

/** Where the session began: the client's address (no look-up of places: nothing leaves the portal). */
export function addressWords(ipAddress: string | null | undefined): string {
  const address = ipAddress?.trim();
  return address ? `address ${address}` : "address not recorded";
}

/** A time zone as a person reads it: "Europe/Brussels (UTC+1)", and plain "UTC" rather than "UTC (UTC)". */
export function zoneWords(zone: string, at: Date = new Date()): string {
  const offset = utcOffset(zone, at);
  const name = zone.replace(/_/g, " ");
  return name === offset ? name : `${name} (${offset})`;
}
