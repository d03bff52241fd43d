import "server-only";
import type { Actor } from "./policy";
import { actorOf, currentSession } from "./session";

/** The signed-in actor for a server action (null when anonymous: the data functions refuse). */
export async function currentActor(): Promise<Actor | null> {
  return actorOf(await currentSession());
}
