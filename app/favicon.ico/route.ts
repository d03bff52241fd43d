// Browsers ask for /favicon.ico whatever the page declares: send them to the portal's icon rather
// than a 404 on every page.
export function GET() {
  return new Response(null, { status: 308, headers: { location: "/icon.svg", "cache-control": "public, max-age=86400" } });
}
