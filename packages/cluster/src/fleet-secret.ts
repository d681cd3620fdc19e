import { createSecretKey, type KeyObject } from 'node:crypto';
import { FleetInputError } from './fleet-input-error.js';
import { fleetMsg } from './messages.js';
import { readSmallFile } from './small-file.js';

/**
 * The secret the coordinator and every worker share: the key of the authentication codes on
 * jobs, results and announcements. Held as a KeyObject so that it never prints by accident.
 */
export type FleetSecret = KeyObject;

/** Shortest secret accepted: 16 characters (openssl rand -hex 32 gives 64). */
export const MIN_SECRET_LENGTH = 16;
const MAX_SECRET_BYTES = 4096;

/** The fleet secret is missing, unreadable or too short: the message says how to give one. */
export class FleetSecretError extends FleetInputError {
  constructor(message: string) {
    super(message);
    this.name = 'FleetSecretError';
  }
}

/** Where the secret comes from: the environment, and a file named on the command line. */
export interface FleetSecretSources {
  /** Environment (SETTLE_FLEET_SECRET, SETTLE_FLEET_SECRET_FILE); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** A file holding the secret (`--fleet-secret-file`); wins over the environment. */
  file?: string;
}

/**
 * Reads the fleet secret: from the file given, else the file named by SETTLE_FLEET_SECRET_FILE,
 * else SETTLE_FLEET_SECRET. Never from the command line itself, where `ps` would show it.
 * Surrounding white space (a final newline) is dropped. A file that its group or others may
 * read is refused, as ssh refuses such a private key. Throws FleetSecretError.
 * @example const secret = readFleetSecret({ file: '/etc/settle/fleet.secret' });
 */
export function readFleetSecret(sources: FleetSecretSources = {}): FleetSecret {
  const env = sources.env ?? process.env;
  const file = sources.file ?? env.SETTLE_FLEET_SECRET_FILE;
  if (file !== undefined && file !== '') return fleetSecret(readSecretFile(file), file);
  const value = env.SETTLE_FLEET_SECRET;
  if (value === undefined || value === '') throw new FleetSecretError(fleetMsg.secretMissing);
  return fleetSecret(value, 'SETTLE_FLEET_SECRET');
}

/** A FleetSecret from its text (scripts and tests); `where` names its source in messages. */
export function fleetSecret(text: string, where = 'the caller'): FleetSecret {
  const trimmed = text.trim();
  if (trimmed.length < MIN_SECRET_LENGTH)
    throw new FleetSecretError(fleetMsg.secretTooShort(where, trimmed.length, MIN_SECRET_LENGTH));
  return createSecretKey(Buffer.from(trimmed, 'utf8'));
}

/** The secret file's text, or a FleetSecretError saying why not. */
function readSecretFile(file: string): string {
  try {
    return readSmallFile(file, MAX_SECRET_BYTES, { ownerOnly: true });
  } catch (error) {
    throw new FleetSecretError(fleetMsg.secretUnreadable(file, (error as Error).message));
  }
}
