// Every message the fleet shows (errors, coordinator and worker log lines), in one place.

/** Where the fleet secret may come from, for messages. */
const SECRET_SOURCES =
  'set SETTLE_FLEET_SECRET, or put it in a file (readable by you only) named by SETTLE_FLEET_SECRET_FILE or --fleet-secret-file FILE; make one with: openssl rand -hex 32';

/** The fleet's messages. */
export const fleetMsg = {
  // The --redis address and the connection.
  badRedisUrl: (value: string, reason: string) =>
    `--redis: ${JSON.stringify(value)} ${reason}; allowed: redis://HOST:PORT (or redis://:PASSWORD@HOST:PORT/DB, rediss:// for TLS)`,
  redisUnreachable: (url: string, seconds: number) =>
    `cannot reach Redis at ${url} within ${seconds} s (is redis-server running there, listening on that address and reachable from this machine?)`,
  redisAuth: (url: string, reply: string) =>
    `Redis at ${url} did not accept the password (${reply}): give the fleet's Redis password in REDIS_URL (redis://:PASSWORD@HOST:PORT), in a file named by --redis-password-file FILE, or in --redis`,
  redisPasswordFile: (file: string, why: string) =>
    `--redis-password-file: cannot read ${JSON.stringify(file)}: ${why}; allowed: a file holding the Redis password (one line)`,
  redisPasswordFileEmpty: (file: string) =>
    `--redis-password-file: ${JSON.stringify(file)} is empty; allowed: a file holding the Redis password (one line)`,
  passwordTwice: 'the Redis URL has a password and --redis-password-file gives another; allowed: one of them',
  redisTrouble: (detail: string) => `Redis: ${detail} (retrying)`,
  urlNoScheme: 'has no scheme',
  urlNotUrl: 'is not a URL',
  urlScheme: (scheme: string) => `has the scheme "${scheme}"`,
  urlNoHost: 'has no host',
  urlPort: 'has a port out of range',
  urlDatabase: (db: string) => `has the database "${db}" (a number)`,
  fileNotRegular: 'not a regular file',
  fileTooLarge: (max: number) => `larger than ${max} bytes`,
  fileNotOwnerOnly: (file: string, mode: number) =>
    `its group or others may use it (mode ${mode.toString(8).padStart(4, '0')}), so it is no longer a secret; allowed: a file only its owner may read (chmod 600 ${JSON.stringify(file)}), then make a new secret if others may have read this one`,
  badExperimentId: (id: string) => `authCode: bad experiment id ${JSON.stringify(id)}`,

  // The fleet secret.
  secretMissing: `no fleet secret: jobs and results are authenticated with a secret shared by the coordinator and every worker; ${SECRET_SOURCES}`,
  secretUnreadable: (file: string, why: string) =>
    `cannot read the fleet secret file ${JSON.stringify(file)}: ${why}`,
  secretTooShort: (where: string, length: number, min: number) =>
    `the fleet secret from ${where} has ${length} characters; allowed: at least ${min} (${SECRET_SOURCES})`,

  // The coordinator.
  waitingForLock: (holder: string) =>
    `another coordinator holds this experiment (${holder}); waiting for it to stop`,
  lockLost: 'another coordinator took over this experiment (this one stalled too long); stop one of them',
  runsLost: (count: number) => `${count} runs were no longer in Redis (restarted?): putting them back`,
  resultRejected: (run: number, why: string, again: boolean) =>
    `run ${run}: result rejected (${why}); ${again ? 'running it again' : 'rejected too often: counted as failed'}`,
  foreignJobRemoved: (jobId: string, why: string) => `removed job ${jobId} from the queue: ${why}`,
  rejectedTooOften: (times: number) =>
    `its results were rejected ${times} times (a worker without the fleet secret, or of another build, is answering)`,

  // Why a result is rejected.
  resultNotText: 'it is not text',
  resultNoCode:
    'it carries no authentication code: it does not come from a worker that holds the fleet secret',
  resultBadCode:
    'its authentication code is wrong: it does not come from a worker that holds the fleet secret',
  resultMalformed: (problem: string) => `malformed: ${problem}`,

  // Why a job is refused (worker) or removed (coordinator).
  jobBadCode:
    'its authentication code is missing or wrong: it was not put there by a coordinator that holds the fleet secret',
  jobWrongId: (jobId: string, run: unknown) =>
    `its id ${JSON.stringify(jobId)} does not name its run ${JSON.stringify(run)}`,
  jobInvalid: (problem: string) => `invalid job: ${problem}`,
  jobOverBudget: (problem: string) => `over this worker's memory budget for a run: it ${problem}`,

  // The worker.
  serving: (name: string, id: string) => `serving ${name} (${id})`,
  left: (id: string) => `left ${id}: no longer announced (its sweep is over)`,
  otherEngine: (name: string, id: string, theirs: string, ours: string) =>
    `not serving ${name} (${id}): its coordinator runs engine ${theirs}, this worker ${ours}; results must come from the same engine: build every machine from the same commit`,
  announcementRefused: (id: string, why: string) => `ignoring the announcement ${JSON.stringify(id)}: ${why}`,
  announcementBadCode:
    'its authentication code is missing or wrong (not written by a coordinator that holds the fleet secret)',
  announcementBadQueue: (queue: string, expected: string) =>
    `it names the queue ${JSON.stringify(queue)}, not the experiment's own ${JSON.stringify(expected)}`,
  announcementMalformed: 'it is not an announcement of this fleet',
  stalled: (name: string, jobId: string) =>
    `${name}: ${jobId} was held by a worker that went silent: back on the queue`,
  runFailed: (name: string, run: unknown, why: string) => `${name}: run ${run} failed: ${why}`,
  jobRefused: (name: string, jobId: string, why: string) =>
    `${name}: refused job ${jobId} for good (not retried): ${why}`,
  workerTrouble: (name: string, detail: string) => `${name}: ${detail}`,
  registryTrouble: (detail: string) => `registry: ${detail}`,

  // The wire.
  reservedKey: (tag: string) => `encodeValue: an object with the reserved key "${tag}" cannot be sent`,
  notSendable: (type: string) => `encodeValue: a value of type ${type} cannot be sent`,
};
