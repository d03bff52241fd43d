// The Node.js versions the portal runs on (package.json engines): a supported LTS. npm stops an
// install on an older one (devEngines); the commands say so too, for whoever skips the install.
export const MINIMUM_NODE = [22, 12] as const;

export function unsupportedNodeMessage(version = process.versions.node): string | undefined {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  if (major > MINIMUM_NODE[0] || (major === MINIMUM_NODE[0] && minor >= MINIMUM_NODE[1])) return undefined;
  return `Node.js ${version} is too old: the portal needs ${MINIMUM_NODE.join(".")} or newer (24 LTS recommended, see .nvmrc). Install it from nodejs.org or with nvm (nvm install 24), then run the command again.`;
}

/** Stops the command with a plain message on an unsupported Node.js. */
export function requireSupportedNode() {
  const message = unsupportedNodeMessage();
  if (message) {
    console.error(message);
    process.exit(1);
  }
}
