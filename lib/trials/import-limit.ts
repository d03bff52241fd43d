/** Records of large trials (hundreds of locations, posted results) run to several megabytes. Read by the
 * import route (server) and the import page (said before sending). */
export const MAX_IMPORT_BYTES = 12_000_000;
