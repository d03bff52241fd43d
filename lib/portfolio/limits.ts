// The length of a search on the public trials page: the filters' schema and the search box read it.
export const PUBLIC_SEARCH_MAX = 100;
