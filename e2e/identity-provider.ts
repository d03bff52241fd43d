// A real OpenID Connect provider (the oidc-provider package) for the single sign-on tests, on a
// loopback port: an organization's identity provider as the portal meets it. Its sign-in form is
// ours (the package's development form loads web fonts, which this offline machine cannot), and
// it grants the portal's scopes without a consent step, as an organization's IT usually sets it up.
import { createServer, type IncomingMessage, type Server } from "node:http";
import Provider from "oidc-provider";
import { freePort } from "../ops/embedded/server";

export interface TestAccount {
  email: string;
  email_verified: boolean;
  name: string;
}

export interface IdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Adds or replaces a person the provider knows, by the login typed on its form. */
  account(login: string, claims: TestAccount): void;
  stop(): Promise<void>;
}

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Organization sign-in</title></head><body><main>${body}</main></body></html>`;

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

export async function startIdentityProvider(label: string, redirectUri: string): Promise<IdentityProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = `irci-portal-${label}`;
  const clientSecret = `secret-of-${label}-${Math.random().toString(36).slice(2)}`;
  const accounts = new Map<string, TestAccount>();
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    cookies: { keys: [`cookie-key-${label}`] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, login) {
      const claims = accounts.get(login);
      if (!claims) return undefined;
      return { accountId: login, claims: async () => ({ sub: login, ...claims }) };
    },
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  const callback = provider.callback();
  const server: Server = createServer((req, res) => {
    const match = /^\/interaction\/([^/]+)(\/login)?$/.exec(req.url ?? "");
    if (!match) return void callback(req, res);
    void (async () => {
      try {
        if (req.method === "POST" && match[2]) {
          const login = (await formBody(req)).get("login") ?? "";
          if (!accounts.has(login)) {
            res.writeHead(200, { "content-type": "text/html" }).end(page(`<h1>${label}</h1><p role="alert">Unknown login.</p>`));
            return;
          }
          await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
          return;
        }
        const details = await provider.interactionDetails(req, res);
        res
          .writeHead(200, { "content-type": "text/html" })
          .end(
            page(
              `<h1>${label} sign-in</h1><form method="post" action="/interaction/${details.uid}/login">` +
                `<label for="login">Login</label> <input id="login" name="login" autocomplete="off" required> ` +
                `<button type="submit">Sign in at ${label}</button></form>`,
            ),
          );
      } catch (error) {
        res.writeHead(400, { "content-type": "text/plain" }).end(String(error));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    issuer,
    clientId,
    clientSecret,
    account: (login, claims) => void accounts.set(login, claims),
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
