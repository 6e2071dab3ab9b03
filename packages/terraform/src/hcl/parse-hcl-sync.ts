import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { hcl2jsonPath, hclSyntaxError } from './parse-hcl.js';

/**
 * hcl2json only parses asynchronously (its WebAssembly runs Go's scheduler), while the CLI reads its
 * inputs synchronously. This thread hands each file to a worker thread and blocks on a shared flag
 * until the worker has posted the result (the pattern of the `synckit` package). The worker is
 * started on first use, loads hcl2json once, and does not keep the process alive.
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { parse } = require(workerData.modulePath);
const flag = new Int32Array(workerData.flag);
const port = workerData.port;
port.on('message', async ({ file, text }) => {
  let reply;
  try {
    reply = { ok: true, json: JSON.stringify(await parse(file, text)) };
  } catch (error) {
    reply = { ok: false, message: String((error && error.message) || error) };
  }
  port.postMessage(reply);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
`;

/** A file that takes longer than this to parse means the worker is stuck; fail rather than hang a pipeline. */
const TIMEOUT_MS = 120_000;

interface Bridge {
  readonly worker: Worker;
  readonly port: MessagePort;
  readonly flag: Int32Array;
}

let bridge: Bridge | undefined;

function start(): Bridge {
  const shared = new SharedArrayBuffer(4);
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { modulePath: hcl2jsonPath(), flag: shared, port: port2 },
    transferList: [port2],
  });
  worker.unref();
  port1.unref();
  return { worker, port: port1, flag: new Int32Array(shared) };
}

type Reply = { readonly ok: true; readonly json: string } | { readonly ok: false; readonly message: string };

/** `parseHcl`, synchronously. */
export function parseHclSync(text: string, file: string): Record<string, unknown> {
  bridge ??= start();
  const { port, flag } = bridge;
  Atomics.store(flag, 0, 0);
  port.postMessage({ file, text });
  if (Atomics.wait(flag, 0, 0, TIMEOUT_MS) === 'timed-out') {
    void bridge.worker.terminate();
    bridge = undefined;
    throw new Error(`hcl2json did not parse ${file} within ${TIMEOUT_MS / 1000} s`);
  }
  const reply = receiveMessageOnPort(port)?.message as Reply | undefined;
  if (reply === undefined) throw new Error(`hcl2json gave no result for ${file}`);
  if (!reply.ok) throw hclSyntaxError(reply.message, file);
  return JSON.parse(reply.json) as Record<string, unknown>;
}
