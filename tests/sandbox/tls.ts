// A throwaway certificate authority and a server certificate for Reply's host names, made
// once per process with the system openssl. A CA-signed leaf (rather than one self-signed
// certificate) lets a browser trust the sandbox by installing the CA, which Firefox needs:
// it refuses a CA certificate presented as a server certificate.

import { execFileSync } from 'node:child_process';
import { createHash, randomBytes, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SANDBOX_HOST_NAMES = [
  'api.reply.io',
  'run.reply.io',
  'app.reply.io',
  '*.reply.io',
  'localhost',
] as const;

export interface SandboxCertificate {
  /** PEM of the server's private key. */
  key: string;
  /** PEM of the server certificate followed by the CA certificate. */
  cert: string;
  /** PEM of the CA certificate, for a client or browser to trust. */
  ca: string;
  /** File holding `ca`, for tools that want a path (e.g. Firefox's Certificates policy). */
  caPath: string;
  /** base64 SHA-256 of the server certificate's public key, for Chromium's
   * --ignore-certificate-errors-spki-list. */
  spkiHash: string;
}

let cached: SandboxCertificate | undefined;

export function sandboxCertificate(): SandboxCertificate {
  cached ??= generate();
  return cached;
}

function generate(): SandboxCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'reply-sandbox-tls-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  // Run in `dir` with bare file names, so each command line can be written as one string.
  const openssl = (command: string) =>
    execFileSync('openssl', command.split(' '), { cwd: dir, stdio: 'pipe' });
  const newKey = '-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes';

  openssl(
    `req -x509 ${newKey} -days 30 -keyout ca.key -out ca.pem -subj /CN=reply-sandbox-test-ca` +
      ' -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign',
  );
  openssl(`req -new ${newKey} -keyout server.key -out server.csr -subj /CN=api.reply.io`);
  const altNames = [...SANDBOX_HOST_NAMES.map((name) => `DNS:${name}`), 'IP:127.0.0.1'];
  writeFileSync(
    join(dir, 'server.ext'),
    [
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature',
      'extendedKeyUsage=serverAuth',
      `subjectAltName=${altNames.join(',')}`,
    ].join('\n'),
  );
  const serial = `0x${randomBytes(8).toString('hex')}`;
  openssl(
    `x509 -req -in server.csr -days 30 -CA ca.pem -CAkey ca.key -set_serial ${serial}` +
      ' -extfile server.ext -out server.pem',
  );

  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  const ca = read('ca.pem');
  const leaf = read('server.pem');
  const spki = new X509Certificate(leaf).publicKey.export({ type: 'spki', format: 'der' });
  return {
    key: read('server.key'),
    cert: leaf + ca,
    ca,
    caPath: join(dir, 'ca.pem'),
    spkiHash: createHash('sha256').update(spki).digest('base64'),
  };
}
