import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Header } from "@/components/shell/Header";
import { actorOf, currentSession } from "@/lib/authz/session";
import { unreadCount } from "@/lib/notifications";
import { referenceOrganizations } from "@/lib/organizations/reference";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "IRCI portal", template: "%s · IRCI portal" },
  description: "The collaboration portal of the International Rare Cancer Initiative",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await currentSession();
  const [unread, organizations] = await Promise.all([unreadCount(actorOf(session)), referenceOrganizations()]);
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <Header session={session} unread={unread} />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
          {children}
        </main>
        <footer className="border-t border-slate-200 bg-white py-4 text-center text-sm text-slate-600 print:hidden">
          {["International Rare Cancer Initiative", ...organizations.map((o) => o.shortName)].join(" · ")}
        </footer>
      </body>
    </html>
  );
}
