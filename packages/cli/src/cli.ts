#!/usr/bin/env node
import { createNodeIo } from './cli-io';
import { runCli } from './run-cli';

// The bin entry: the only file with a top-level side effect.
runCli(process.argv.slice(2), createNodeIo()).then((code) => {
  process.exitCode = code;
});
