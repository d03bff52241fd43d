/**
 * The text searched over, exactly as the expression index in the proposals migration builds it
 * (PostgreSQL uses the index only for the identical expression).
 */
export const SEARCH_DOCUMENT = `to_tsvector('english', "title" || ' ' || "population" || ' ' || "intervention" || ' ' || "comparator" || ' ' || "primaryOutcome")`;
