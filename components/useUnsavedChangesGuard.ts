"use client";
import { useEffect } from "react";

export const UNSAVED_MESSAGE = "You have unsaved changes. Leave this page and lose them?";

/**
 * Asks before unsaved changes are lost: when the tab is closed or reloaded (the browser's own
 * question), when a link in the portal is followed (client-side navigation never fires
 * beforeunload), and when the browser's Back or Forward leaves the page.
 */
export function useUnsavedChangesGuard(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    // Captured before Next.js's own link handler, which would navigate without a page unload.
    const click = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || link.hasAttribute("download")) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin || (url.pathname === window.location.pathname && url.search === window.location.search))
        return;
      if (!window.confirm(UNSAVED_MESSAGE)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    // Back and Forward: an extra history entry holds the page; leaving it asks first.
    // Next.js keeps its own data in history.state: the extra entry carries it too.
    const guardState = () => ({ ...(window.history.state as object | null), unsavedChangesGuard: true });
    window.history.pushState(guardState(), "", window.location.href);
    const popState = () => {
      if (window.confirm(UNSAVED_MESSAGE)) {
        window.removeEventListener("popstate", popState);
        window.history.back();
      } else {
        window.history.pushState(guardState(), "", window.location.href);
      }
    };
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", click, true);
    window.addEventListener("popstate", popState);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", click, true);
      window.removeEventListener("popstate", popState);
      // Saved: the extra entry is dropped, so Back leaves at once.
      if (window.history.state?.unsavedChangesGuard) window.history.back();
    };
  }, [dirty]);
}
