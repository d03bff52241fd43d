import "next-auth";

declare module "next-auth" {
  interface Session {
    user: {
      id: string;
      name: string | null;
      email: string;
      secretariat: boolean;
      organization: { id: string; slug: string; shortName: string; name: string; timeZone: string } | null;
      orgRole: "MEMBER" | "DEPUTY" | "REPRESENTATIVE" | null;
      /** The zone every time is shown in: the person's own, else their organization's office, else UTC. */
      timeZone: string;
    };
  }
}
