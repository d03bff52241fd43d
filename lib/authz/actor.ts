import "server-only";
import type { Actor } from "./policy";
import { actionSession, actorOf, currentSession } from "./session";

/** The signed-in actor for a server action (null when anonymous: the data functions refuse). */
export async function currentActor(): Promise<Actor | null> {
  return actorOf(await currentSession());
}

/**
 * The same, for an action whose change cannot alter who the person is (a ballot, a draft): its
 * session is handed on to the page the action's response re-renders, which then need not read it.
 */
export async function currentActorKeptForPage(): Promise<Actor | null> {
  return actorOf(await actionSession());
}
