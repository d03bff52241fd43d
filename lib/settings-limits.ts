// Why a portal setting changes, in characters: lib/settings.ts refuses more, the form counts while
// typing. A plain number, apart from the server-only settings module, so the browser can have it.
export const SETTING_REASON_MAX = 2000;
