/**
 * The Verifier's native core loads the trust store for every request it sends: pointed at the bundle file
 * and an empty directory (the same authorities, on the distributions that build the bundle from that
 * directory), unless the user chose a directory of their own or a bundle alone.
 */
import { describe, expect, it } from 'vitest';
import { nativeClientEnvironment } from '../src/verifier-env.mjs';

const debian = '/etc/ssl/certs/ca-certificates.crt';
const options = (files: string[]) => ({ platform: 'linux', exists: (file: string) => files.includes(file), emptyDir: () => '/tmp/empty' });

describe('the trust store of the Verifier’s native core', () => {
  it('is the distribution’s bundle and an empty directory when nothing is set', () => {
    expect(nativeClientEnvironment({}, options([debian]))).toEqual({ SSL_CERT_FILE: debian, SSL_CERT_DIR: '/tmp/empty' });
    expect(nativeClientEnvironment({}, options(['/etc/pki/tls/certs/ca-bundle.crt']))).toEqual({
      SSL_CERT_FILE: '/etc/pki/tls/certs/ca-bundle.crt',
      SSL_CERT_DIR: '/tmp/empty',
    });
  });

  it('is the same when the directory set is the one that holds the bundle', () => {
    expect(nativeClientEnvironment({ SSL_CERT_FILE: debian, SSL_CERT_DIR: '/etc/ssl/certs' }, options([debian]))).toEqual({
      SSL_CERT_FILE: debian,
      SSL_CERT_DIR: '/tmp/empty',
    });
    expect(nativeClientEnvironment({ SSL_CERT_DIR: '/etc/ssl/certs/' }, options([debian]))).toEqual({
      SSL_CERT_FILE: debian,
      SSL_CERT_DIR: '/tmp/empty',
    });
  });

  it('is left alone: a directory of the user’s own, a bundle alone, no bundle found, another OS', () => {
    expect(nativeClientEnvironment({ SSL_CERT_DIR: '/opt/corp/certs' }, options([debian]))).toEqual({});
    expect(nativeClientEnvironment({ SSL_CERT_FILE: '/opt/corp/ca.pem' }, options([debian, '/opt/corp/ca.pem']))).toEqual({});
    expect(nativeClientEnvironment({}, options([]))).toEqual({});
    expect(nativeClientEnvironment({}, { ...options([debian]), platform: 'darwin' })).toEqual({});
  });
});
