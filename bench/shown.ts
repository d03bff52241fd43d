// How much a page shows: growth from one scale to the next is the cost of more data only when the
// page shows as much at both (a list of 3 proposals at 1x and 20 at 100x does more work, not the
// same work on more data). Counted in the HTML the server sends, inside <main>, so the navigation
// and the React payload (in <script>, after </main>) are left out.

/** Occurrences of `item` inside the page's <main> element; the whole document when there is none. */
export function countShown(html: string, item: RegExp): number {
  const start = html.search(/<main[\s>]/);
  const end = html.indexOf("</main>", start);
  const main = start >= 0 && end > start ? html.slice(start, end) : html;
  const global = item.global ? item : new RegExp(item.source, `${item.flags}g`);
  return main.match(global)?.length ?? 0;
}
