/** A configuration problem the operator must fix; its message is the one line printed at boot. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
