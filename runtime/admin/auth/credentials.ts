import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { ConfigurationError } from "../../errors/configuration-error.ts";
import { secretsEqual } from "./secret-compare.ts";

/** The secrets that grant access. At least one is set; the token also works as a Bearer token. */
export interface AdminCredentials {
  readonly token: string | null;
  readonly password: string | null;
  /** True when no token or password was configured and a random token was made for this run. */
  readonly generated: boolean;
}

const MIN_TOKEN = 16;
const MIN_PASSWORD = 8;

/**
 * Takes the token and password from options, else CELERITY_ADMIN_TOKEN / CELERITY_ADMIN_PASSWORD.
 * With neither, a random token is generated (the CLI prints it), so the UI is never open to anyone.
 */
export function resolveCredentials(options: { token?: string; password?: string }): AdminCredentials {
  const token = nonEmpty(options.token ?? process.env.CELERITY_ADMIN_TOKEN);
  const password = nonEmpty(options.password ?? process.env.CELERITY_ADMIN_PASSWORD);
  if (token !== null && token.length < MIN_TOKEN)
    throw new ConfigurationError(`the admin token must have at least ${MIN_TOKEN} characters`);
  if (password !== null && password.length < MIN_PASSWORD)
    throw new ConfigurationError(`the admin password must have at least ${MIN_PASSWORD} characters`);
  if (token === null && password === null)
    return { token: randomBytes(24).toString("base64url"), password: null, generated: true };
  return { token, password, generated: false };
}

function nonEmpty(value: string | undefined): string | null {
  return value === undefined || value === "" ? null : value;
}

/** True when the login form's secret is the token or the password. */
export function loginSecretMatches(credentials: AdminCredentials, presented: string): boolean {
  // Both comparisons always run, so timing does not reveal which secret is configured.
  const byToken = credentials.token !== null && secretsEqual(presented, credentials.token);
  const byPassword = credentials.password !== null && secretsEqual(presented, credentials.password);
  return presented !== "" && (byToken || byPassword);
}

/** The Bearer token of a request; null when there is no Authorization header, "" when it is malformed. */
export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (header === undefined) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : "";
}
