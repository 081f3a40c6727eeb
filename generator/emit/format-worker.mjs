// A prettier worker for emit/format.ts: formats the batches it is sent and answers with the texts, in order.
import { parentPort } from 'node:worker_threads';
import { format } from 'prettier';

parentPort.on('message', async ({ id, jobs }) => {
  try {
    const texts = [];
    for (const job of jobs) texts.push(await format(job.text, job.options));
    parentPort.postMessage({ id, texts });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
