// @ts-check
/**
 * The environment of the Pact Verifier's native core. Its HTTP client is made anew for every request it
 * sends (each provider-state call and each replayed request), and each time it loads the trust store: on
 * Linux the bundle file and every certificate in the certificates directory (/etc/ssl/certs: about 290
 * files). Measured here, 18 ms of CPU per interaction, against 7 ms with the bundle file alone. A
 * distribution builds its bundle from the certificates of the directory that holds it (Debian's and
 * Alpine's /etc/ssl/certs/ca-certificates.crt, Red Hat's /etc/pki/tls/certs/ca-bundle.crt), so the core is
 * pointed at the bundle and an empty directory: the same authorities, read from one file. A directory the
 * user chose that does not hold the bundle is left as it is, and so is everything off Linux.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** Where Linux distributions keep the trust bundle (the locations openssl-probe looks at first). */
export const bundleLocations = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/ssl/cert.pem',
];

/**
 * The variables to set for the native core: `SSL_CERT_FILE` (the bundle) and `SSL_CERT_DIR` (an empty
 * directory, removed when the process exits), or none.
 * @param {NodeJS.ProcessEnv} env
 * @param {{ platform?: string, exists?: (file: string) => boolean, emptyDir?: () => string }} [options]
 * @returns {Record<string, string>}
 */
export function nativeClientEnvironment(env, options = {}) {
  const { platform = process.platform, exists = existsSync, emptyDir = makeEmptyDir } = options;
  if (platform !== 'linux') return {};
  // A bundle file alone is read alone: nothing to spare.
  if (env.SSL_CERT_FILE && !env.SSL_CERT_DIR) return {};
  const bundle = env.SSL_CERT_FILE || bundleLocations.find((file) => exists(file));
  if (!bundle || !exists(bundle)) return {};
  if (env.SSL_CERT_DIR && resolve(env.SSL_CERT_DIR) !== dirname(resolve(bundle))) return {};
  return { SSL_CERT_FILE: bundle, SSL_CERT_DIR: emptyDir() };
}

function makeEmptyDir() {
  const dir = mkdtempSync(join(tmpdir(), 'api-contracts-no-certs-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
