import type { MetadataRoute } from "next";

/** Search engines may index the public trials page; everything else is for signed-in people. */
export default function robots(): MetadataRoute.Robots {
  return { rules: [{ userAgent: "*", allow: ["/trials", "/signin"], disallow: ["/"] }] };
}
