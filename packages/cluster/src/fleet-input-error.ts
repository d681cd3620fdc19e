/**
 * The family of the fleet's bad-input errors: a bad or missing Redis address, password file or
 * fleet secret, and a Redis that does not answer or refuses the password. A command that meets
 * one says its message and exits with the status of bad input (2), without a stack.
 */
export class FleetInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FleetInputError';
  }
}
