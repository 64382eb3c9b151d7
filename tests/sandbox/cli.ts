// Runs the Reply sandbox by hand, for demos and for poking at it with curl:
//   tsx tests/sandbox/cli.ts [--port N] [--auth x-api-key|bearer|either] [--enums integer|string]
//                            [--email-accounts paged|array] [--page-cap N]
//                            [--contact-search reply|rules]
// It stays up until Ctrl-C.

import { parseArgs } from 'node:util';
import {
  SANDBOX_API_KEY,
  SANDBOX_TEAMS_API_KEY,
  type SandboxOptions,
  sandboxCertificate,
  startSandbox,
} from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    auth: { type: 'string', default: 'either' },
    enums: { type: 'string', default: 'integer' },
    'email-accounts': { type: 'string', default: 'paged' },
    'page-cap': { type: 'string' },
    'contact-search': { type: 'string', default: 'reply' },
  },
});

function oneOf<const T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  console.error(`--${flag} must be one of: ${allowed.join(', ')}`);
  process.exit(2);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('--port must be an integer from 0 to 65535');
  process.exit(2);
}
const options: SandboxOptions = {
  port,
  auth: oneOf('auth', values.auth, ['x-api-key', 'bearer', 'either']),
  enumForm: oneOf('enums', values.enums, ['integer', 'string']),
  emailAccountsForm: oneOf('email-accounts', values['email-accounts'], ['paged', 'array']),
  contactSearch: oneOf('contact-search', values['contact-search'], ['reply', 'rules']),
};
if (values['page-cap'] !== undefined) {
  const cap = Number(values['page-cap']);
  if (!Number.isInteger(cap) || cap < 1) {
    console.error('--page-cap must be a positive integer');
    process.exit(2);
  }
  options.pageCap = cap;
}

const sandbox = await startSandbox(options);
const caFile = sandboxCertificate().caPath;
const hostPort = `${sandbox.port}:127.0.0.1`;
console.log(`Reply sandbox listening on ${sandbox.origin}`);
console.log(`  API key:  ${SANDBOX_API_KEY}  (auth: ${options.auth}, enums: ${options.enumForm})`);
console.log(
  `  In two teams: ${SANDBOX_TEAMS_API_KEY} (calls but whoami need X-TEAM-ID: 501 or 502)`,
);
console.log(`  CA cert:  ${caFile}`);
console.log(
  `  Try:      curl --cacert ${caFile} --resolve api.reply.io:${hostPort} ` +
    `-H 'X-API-Key: ${SANDBOX_API_KEY}' https://api.reply.io:${sandbox.port}/v3/whoami`,
);
console.log(
  `  Web app:  https://run.reply.io:${sandbox.port}/tasks/101 (map the host to 127.0.0.1)`,
);
console.log('Ctrl-C to stop.');

// Exit through process.exit so the certificate's temp dir is removed.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void sandbox.close().then(() => process.exit(0));
  });
}
