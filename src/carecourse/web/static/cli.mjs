#!/usr/bin/env node
// The browser grader from the command line, with the contract of the Python CLI
// (docs/contract.md), so the two can be diffed:
//   node cli.mjs grade --scenario ID FILE   same JSON as: carecourse grade --scenario ID FILE --json
//   node cli.mjs analyze FILE               same JSON as: carecourse analyze FILE --json
//   node cli.mjs grade-jsonl                lines of {"scenario", "text"} in, one result per line out
//   node cli.mjs analyze-jsonl              lines of {"text"} in, one analysis per line out
// FILE may be "-" (standard input). Exit codes: 0 fine, 2 bad input.
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { loadEngine } from "./engine.mjs";

const MAX_BYTES = 10 * 1024 * 1024;
const USAGE = "usage: node cli.mjs grade --scenario ID [FILE] | analyze [FILE] | grade-jsonl | analyze-jsonl";

class InputError extends Error {}

function fail(message) {
  process.stderr.write(`carecourse: error: ${message}\n`);
  process.exit(2);
}

function readReply(name) {
  let data;
  try {
    data = readFileSync(name === "-" ? 0 : name);
  } catch (err) {
    if (err.code === "ENOENT") throw new InputError(`${name}: no such file`);
    if (err.code === "EISDIR") throw new InputError(`${name}: is a folder, not a text file`);
    throw new InputError(`${name}: cannot read (${err.message})`);
  }
  const where = name === "-" ? "standard input" : name;
  if (data.length > MAX_BYTES) throw new InputError(`${where}: larger than 10 MB; a reply is a few sentences`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(data); // a leading BOM is dropped, as "utf-8-sig"
  } catch {
    throw new InputError(`${where}: not UTF-8 text; save it as UTF-8`);
  }
}

function parse(args) {
  const options = { scenario: null, files: [] };
  for (let k = 0; k < args.length; k++) {
    const arg = args[k];
    if (arg === "--scenario" || arg === "-s") options.scenario = args[++k];
    else if (arg.startsWith("--scenario=")) options.scenario = arg.slice("--scenario=".length);
    else if (arg === "--json") continue; // the output is always JSON
    else if (arg.startsWith("-") && arg !== "-") fail(`unknown option ${arg}\n${USAGE}`);
    else options.files.push(arg);
  }
  if (options.files.length > 1) fail(`one file at a time\n${USAGE}`);
  options.file = options.files[0] ?? "-";
  return options;
}

async function engineFor(scenarioIds) {
  return loadEngine(new URL("./", import.meta.url), scenarioIds);
}

async function known(engine, id) {
  const ids = engine.knownScenarios;
  if (!ids.includes(id)) throw new InputError(`unknown scenario '${id}' (known: ${ids.join(", ")})`);
  await engine.load(id);
}

async function eachLine(work) {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let out;
    try {
      out = await work(JSON.parse(line));
    } catch (err) {
      out = { error: err.message };
    }
    process.stdout.write(JSON.stringify(out) + "\n");
  }
}

async function gradeLine(engine, item) {
  if (typeof item.scenario !== "string" || typeof item.text !== "string") throw new InputError('each line needs "scenario" and "text"');
  await known(engine, item.scenario);
  return engine.grade(item.scenario, item.text);
}

function analyzeLine(engine, item) {
  if (typeof item.text !== "string") throw new InputError('each line needs "text"');
  return engine.analyze(item.text);
}

async function main([command, ...args]) {
  if (command === "grade-jsonl" || command === "analyze-jsonl") {
    const engine = await engineFor([]);
    return eachLine((item) => (command === "grade-jsonl" ? gradeLine(engine, item) : analyzeLine(engine, item)));
  }
  if (command !== "grade" && command !== "analyze") fail(USAGE);
  const options = parse(args);
  try {
    const engine = await engineFor([]);
    if (command === "grade") {
      if (!options.scenario) throw new InputError("name a scenario with --scenario");
      await known(engine, options.scenario);
      const text = readReply(options.file);
      process.stdout.write(JSON.stringify(engine.grade(options.scenario, text)) + "\n");
    } else {
      process.stdout.write(JSON.stringify(engine.analyze(readReply(options.file))) + "\n");
    }
  } catch (err) {
    if (err instanceof InputError) fail(err.message);
    throw err;
  }
}

await main(process.argv.slice(2));
