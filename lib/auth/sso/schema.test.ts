import { describe, expect, it } from "vitest";
import {
  decideSignIn,
  environmentProviders,
  issuerProblem,
  parseDomains,
  ZIdentityProviderInput,
  type Assertion,
  type Known,
} from "./schema";

const NCI_ISSUER = "https://login.nci.example";
const assertion = (over: Partial<Assertion> = {}): Assertion => ({
  issuer: NCI_ISSUER,
  subject: "sub-1",
  email: "ada@nih.gov",
  emailVerified: true,
  name: "Ada",
  ...over,
});
const known = (over: Partial<Known> = {}): Known => ({
  organizationId: "nci",
  configuredIssuer: NCI_ISSUER,
  emailDomains: ["nih.gov"],
  linked: null,
  byEmail: { userId: "ada", active: true, organizationId: "nci" },
  ...over,
});

describe("who an organization's provider may sign in", () => {
  it("signs in its own organization's person by a verified address of its domains", () => {
    expect(decideSignIn(assertion(), known())).toEqual({ kind: "allow", userId: "ada" });
    expect(decideSignIn(assertion({ emailVerified: "true" }), known())).toEqual({ kind: "allow", userId: "ada" });
    expect(decideSignIn(assertion({ issuer: `${NCI_ISSUER}/` }), known())).toEqual({ kind: "allow", userId: "ada" });
  });
  it("never signs in a person registered at another organization, whatever address it asserts", () => {
    expect(decideSignIn(assertion(), known({ byEmail: { userId: "bo", active: true, organizationId: "cruk" } }))).toEqual({
      kind: "refuse",
      why: "other-organization",
    });
    // A secretariat person outside every organization is not the provider's to vouch for either.
    expect(decideSignIn(assertion(), known({ byEmail: { userId: "sec", active: true, organizationId: null } }))).toEqual({
      kind: "refuse",
      why: "other-organization",
    });
    expect(decideSignIn(assertion(), known({ linked: { userId: "bo", active: true, organizationId: "cruk" } }))).toEqual({
      kind: "refuse",
      why: "other-organization",
    });
  });
  it("refuses an unverified or missing address, and an address outside its domains", () => {
    for (const emailVerified of [false, undefined, "false", 1, null]) {
      expect(decideSignIn(assertion({ emailVerified }), known())).toEqual({ kind: "refuse", why: "unverified" });
    }
    expect(decideSignIn(assertion({ email: null }), known())).toEqual({ kind: "refuse", why: "unverified" });
    expect(decideSignIn(assertion({ email: "ada@cancer.org.uk" }), known())).toEqual({ kind: "refuse", why: "domain" });
    expect(decideSignIn(assertion({ email: "ada@evil-nih.gov" }), known())).toEqual({ kind: "refuse", why: "domain" });
  });
  it("refuses an answer from another issuer than the one configured", () => {
    expect(decideSignIn(assertion({ issuer: "https://login.cruk.example" }), known())).toEqual({ kind: "refuse", why: "issuer" });
  });
  it("makes someone unknown an access request, never an account", () => {
    expect(decideSignIn(assertion(), known({ byEmail: null }))).toEqual({ kind: "request" });
    expect(decideSignIn(assertion(), known({ byEmail: null, invited: true }))).toEqual({ kind: "refuse", why: "invited" });
  });
  it("signs in by the linked identity first, and refuses a deactivated person", () => {
    expect(
      decideSignIn(
        assertion({ email: "renamed@nih.gov" }),
        known({ linked: { userId: "ada", active: true, organizationId: "nci" }, byEmail: null }),
      ),
    ).toEqual({
      kind: "allow",
      userId: "ada",
    });
    expect(decideSignIn(assertion(), known({ byEmail: { userId: "ada", active: false, organizationId: "nci" } }))).toEqual({
      kind: "refuse",
      why: "deactivated",
    });
  });
});

describe("identity provider settings", () => {
  it("accepts https issuers, and http only on this machine's loopback", () => {
    expect(issuerProblem("https://login.example.org/realms/staff")).toBeNull();
    expect(issuerProblem("http://127.0.0.1:4000")).toBeNull();
    expect(issuerProblem("http://login.example.org")).toMatch(/https/);
    expect(issuerProblem("login.example.org")).toMatch(/address/);
    expect(issuerProblem("https://login.example.org/?x=1")).toMatch(/query/);
    expect(issuerProblem("https://login.exa\u0000mple.org")).toMatch(/control characters/);
  });
  it("reads email domains however they are listed, and names the bad ones", () => {
    expect(parseDomains("nih.gov, Mail.NIH.gov\n@cancer.gov nih.gov")).toEqual({
      domains: ["nih.gov", "mail.nih.gov", "cancer.gov"],
      bad: [],
    });
    expect(parseDomains("nih.gov not_a_domain").bad).toEqual(["not_a_domain"]);
  });
  it("refuses control characters in the client id and secret (PostgreSQL stores no NUL)", () => {
    const base = { issuer: "https://login.example.org", clientId: "portal", clientSecret: "s", emailDomains: "example.org", enabled: true };
    expect(ZIdentityProviderInput.safeParse(base).success).toBe(true);
    for (const bad of [{ clientId: "a\u0000b" }, { clientSecret: "a\u0000b" }, { clientId: "a b" }, { clientSecret: "line\nbreak" }]) {
      expect(ZIdentityProviderInput.safeParse({ ...base, ...bad }).success).toBe(false);
    }
  });
  it("gives each field its own message", () => {
    const result = ZIdentityProviderInput.safeParse({ issuer: "ftp://x", clientId: "", clientSecret: "", emailDomains: "", enabled: true });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path[0]);
    expect(paths).toEqual(expect.arrayContaining(["issuer", "clientId", "emailDomains"]));
  });
  it("reads complete settings from the environment and names what is missing", () => {
    const { providers, problems } = environmentProviders({
      OIDC_NCI_ISSUER: "https://login.nci.example/",
      OIDC_NCI_CLIENT_ID: "portal",
      OIDC_NCI_CLIENT_SECRET: "s",
      OIDC_NCI_EMAIL_DOMAINS: "nih.gov,cancer.gov",
      OIDC_CRUK_ISSUER: "https://login.cruk.example",
      OIDC_CRUK_CLIENT_ID: "portal",
      UNRELATED: "x",
    });
    expect(providers).toEqual([
      { slug: "nci", issuer: "https://login.nci.example", clientId: "portal", clientSecret: "s", emailDomains: ["nih.gov", "cancer.gov"] },
    ]);
    expect(problems.join("\n")).toMatch(/OIDC_CRUK_EMAIL_DOMAINS/);
  });
});
