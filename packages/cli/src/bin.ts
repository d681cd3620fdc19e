#!/usr/bin/env node
import { main } from './main.js';
import { EXIT } from './messages.js';

const status = await main(process.argv.slice(2));
// A command stopped by Ctrl-C exits at once, its work so far saved (as a second Ctrl-C would).
if (status === EXIT.interrupted) process.exit(status);
process.exitCode = status;
