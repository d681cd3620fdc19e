// Authentication codes on everything the fleet trusts from Redis: announcements, jobs and
// results. Anyone who can write to Redis can write a job or a result; only a holder of the
// fleet secret can write one whose code is right. The code is HMAC-SHA256 over the kind of
// message, the experiment, the run and the canonical text of the content (encodeValue), so a
// code made for one run, one experiment or one kind of message is wrong for any other.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FleetSecret } from './fleet-secret.js';
import { fleetMsg } from './messages.js';
import { type ExperimentEntry, jobIdOf, queueName, type RunJobData } from './names.js';
import { decodeValue, encodeValue } from './wire.js';

/** The version of the signed format: a change of format makes old codes wrong, not misread. */
const FORMAT = 'settle-fleet/1';
/** A result on the wire: `settle-fleet/1 <64 hex digits> <canonical JSON>`. */
const RESULT_HEAD = `${FORMAT} `;
const CODE_LENGTH = 64;
/** What an experiment id may hold (a fingerprint): nothing that could blur the signed text. */
const EXPERIMENT_ID = /^[A-Za-z0-9_.-]{1,200}$/;

type Kind = 'job' | 'result' | 'announcement';

/** The outcome of opening something signed: its content, or why it is refused. */
export type Opened<T> = { ok: true; value: T } | { ok: false; why: string };

/**
 * HMAC-SHA256, in hex, of a message of `kind` for `experiment` and `run` (-1 for none) whose
 * content is `body` (canonical JSON).
 */
export function authCode(
  secret: FleetSecret,
  kind: Kind,
  experiment: string,
  run: number,
  body: string,
): string {
  if (!EXPERIMENT_ID.test(experiment)) throw new RangeError(fleetMsg.badExperimentId(experiment));
  return createHmac('sha256', secret)
    .update(`${FORMAT}\n${kind}\n${experiment}\n${run}\n`)
    .update(body)
    .digest('hex');
}

/** True if `code` is the right code (compared in constant time). */
function codeIsRight(
  secret: FleetSecret,
  code: unknown,
  kind: Kind,
  experiment: string,
  run: number,
  body: string,
): boolean {
  if (typeof code !== 'string' || code.length !== CODE_LENGTH || !/^[0-9a-f]+$/.test(code)) return false;
  if (!EXPERIMENT_ID.test(experiment)) return false;
  const expected = Buffer.from(authCode(secret, kind, experiment, run, body), 'hex');
  return timingSafeEqual(Buffer.from(code, 'hex'), expected);
}

/** The announcement of an experiment in the registry, with its code. */
export function signAnnouncement(
  secret: FleetSecret,
  entry: Omit<ExperimentEntry, 'code' | 'queue'>,
): ExperimentEntry {
  const unsigned = { id: entry.id, name: entry.name, queue: queueName(entry.id), engine: entry.engine };
  return { ...unsigned, code: authCode(secret, 'announcement', entry.id, -1, encodeValue(unsigned)) };
}

/**
 * Checks a registry entry (field `id`, JSON `text`): its code, and that it names the
 * experiment's own queue under the settle prefix, never another.
 */
export function openAnnouncement(secret: FleetSecret, id: string, text: string): Opened<ExperimentEntry> {
  let entry: Partial<ExperimentEntry>;
  try {
    entry = JSON.parse(text) as Partial<ExperimentEntry>;
  } catch {
    return { ok: false, why: fleetMsg.announcementMalformed };
  }
  if (
    entry === null ||
    typeof entry !== 'object' ||
    entry.id !== id ||
    typeof entry.name !== 'string' ||
    typeof entry.queue !== 'string' ||
    typeof entry.engine !== 'string' ||
    !EXPERIMENT_ID.test(id)
  )
    return { ok: false, why: fleetMsg.announcementMalformed };
  const unsigned = { id, name: entry.name, queue: entry.queue, engine: entry.engine };
  if (!codeIsRight(secret, entry.code, 'announcement', id, -1, encodeValue(unsigned)))
    return { ok: false, why: fleetMsg.announcementBadCode };
  if (entry.queue !== queueName(id))
    return { ok: false, why: fleetMsg.announcementBadQueue(entry.queue, queueName(id)) };
  return { ok: true, value: { ...unsigned, code: entry.code as string } };
}

/** The data of the job of run `run`, with its code. */
export function signJob(secret: FleetSecret, experiment: string, run: number, spec: unknown): RunJobData {
  const body = encodeValue(spec);
  return { run, spec: body, code: authCode(secret, 'job', experiment, run, body) };
}

/**
 * Checks a job of `experiment`'s queue: its data has the right code and its id names its run.
 * Returns the run and the spec, not yet validated (see checkRunSpec).
 */
export function openJob(
  secret: FleetSecret,
  experiment: string,
  jobId: string | undefined,
  data: unknown,
): Opened<{ run: number; spec: unknown }> {
  const job = data as Partial<RunJobData> | null;
  if (
    job === null ||
    typeof job !== 'object' ||
    !Number.isSafeInteger(job.run) ||
    typeof job.spec !== 'string' ||
    !codeIsRight(secret, job.code, 'job', experiment, job.run as number, job.spec)
  )
    return { ok: false, why: fleetMsg.jobBadCode };
  const run = job.run as number;
  if (jobId !== jobIdOf(run)) return { ok: false, why: fleetMsg.jobWrongId(String(jobId), run) };
  try {
    return { ok: true, value: { run, spec: decodeValue(job.spec) } };
  } catch (error) {
    return { ok: false, why: fleetMsg.jobInvalid((error as Error).message) };
  }
}

/** A run's output as a worker returns it: the format, the code, then the canonical JSON. */
export function signResult(secret: FleetSecret, experiment: string, run: number, output: unknown): string {
  const body = encodeValue(output);
  return `${RESULT_HEAD}${authCode(secret, 'result', experiment, run, body)} ${body}`;
}

/** Checks a result returned for run `run` of `experiment` and decodes it (not yet validated: see checkRunOutput). */
export function openResult(
  secret: FleetSecret,
  experiment: string,
  run: number,
  returned: unknown,
): Opened<unknown> {
  if (typeof returned !== 'string') return { ok: false, why: fleetMsg.resultNotText };
  if (!returned.startsWith(RESULT_HEAD) || returned.charAt(RESULT_HEAD.length + CODE_LENGTH) !== ' ')
    return { ok: false, why: fleetMsg.resultNoCode };
  const code = returned.slice(RESULT_HEAD.length, RESULT_HEAD.length + CODE_LENGTH);
  const body = returned.slice(RESULT_HEAD.length + CODE_LENGTH + 1);
  if (!codeIsRight(secret, code, 'result', experiment, run, body))
    return { ok: false, why: fleetMsg.resultBadCode };
  try {
    return { ok: true, value: decodeValue(body) };
  } catch (error) {
    return { ok: false, why: fleetMsg.resultMalformed((error as Error).message) };
  }
}
