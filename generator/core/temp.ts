// Temporary files and folders of a run: removed when the run ends, however it ends, and by the next run when a kill
// (SIGKILL, power loss) gave this one no chance. Every temporary name carries the pid of the run that made it, so a
// leftover is told from the temporary file of a run still going.
import { rmSync } from 'node:fs';
import { lstat, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

const tracked = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Removes every tracked path now; synchronous, as the 'exit' event and a dying process need. */
function removeTracked(): void {
  for (const path of tracked) {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      // Nothing more can be done on the way out; the next run cleans it.
    }
  }
  tracked.clear();
}

let dying: NodeJS.Signals | undefined;

function onSignal(signal: NodeJS.Signals): void {
  if (dying) return;
  dying = signal;
  removeTracked();
  // A write issued before the signal arrived may still create its file (the thread pool does not stop): no new ones
  // start (track() refuses), and what is tracked by then is removed again once those have had their turn.
  setTimeout(() => {
    removeTracked();
    unlisten();
    // With our handler gone, the signal does what it would have done (exit 128+n), unless someone else handles it.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  }, 50);
}

/** On the way out: nothing of ours stays; a run that a signal interrupted still ends as that signal says. */
function onExit(): void {
  removeTracked();
  if (dying) {
    unlisten();
    process.kill(process.pid, dying);
  }
}

let listening = false;
/** Whether the process is ours to steer on a signal: set by the CLI, never by `generate()` used as a library. */
let signalsWanted = false;
let signalsHandled = false;

function listen(): void {
  if (!listening) {
    listening = true;
    process.on('exit', onExit);
  }
  if (signalsWanted && !signalsHandled) {
    signalsHandled = true;
    for (const signal of SIGNALS) process.on(signal, onSignal);
  }
}

function unlisten(): void {
  if (listening) {
    listening = false;
    process.off('exit', onExit);
  }
  if (signalsHandled) {
    signalsHandled = false;
    for (const signal of SIGNALS) process.off(signal, onSignal);
  }
}

/**
 * Called by the `sdkgen` CLI, whose process this is: on SIGINT, SIGTERM or SIGHUP the temporary paths go before the
 * process ends as the signal says. A program that calls `generate()` keeps its own signal handling (a handler of ours
 * would change what a signal does to it); its temporary paths still go when it exits, and a later run removes what a
 * kill left.
 */
export function removeTemporariesOnSignals(): void {
  signalsWanted = true;
  if (tracked.size > 0) listen();
}

/**
 * Registers a temporary path: removed on exit (and on SIGINT, SIGTERM or SIGHUP under `removeTemporariesOnSignals`)
 * unless `untrack`ed first.
 */
export function track(path: string): void {
  if (dying) throw new Error('interrupted by a signal');
  tracked.add(path);
  listen();
}

/** The path was renamed into place or removed: no longer ours to clean. Handlers go when nothing is left. */
export function untrack(path: string): void {
  tracked.delete(path);
  if (tracked.size === 0 && !dying) unlisten();
}

/** Whether a process with this pid runs (EPERM: it does, as another user). */
export function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the entries of `dir` whose name matches `pattern` (its first group is the pid of the run that made them)
 * and whose run has ended, and (with `minAgeMs`) that were last changed that long ago, and (with `filesOnly`) that
 * are regular files. Returns how many went.
 */
export async function removeLeftovers(dir: string, pattern: RegExp, minAgeMs = 0, filesOnly = false): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  const dead = names.filter((name) => {
    const pid = pattern.exec(name)?.[1];
    return pid !== undefined && !isAlive(Number(pid));
  });
  // With filesOnly, a link or a folder named like a temporary file is not one the generator made (it makes regular
  // files only, exclusively): it stays.
  const old = async (name: string): Promise<boolean> =>
    await lstat(join(dir, name)).then(
      (entry) => (!filesOnly || entry.isFile()) && (minAgeMs === 0 || Date.now() - entry.mtimeMs >= minAgeMs),
      () => false,
    );
  const gone = (await Promise.all(dead.map(async (name) => ((await old(name)) ? name : undefined)))).filter(
    (name) => name !== undefined,
  );
  await Promise.all(gone.map((name) => rm(join(dir, name), { recursive: true, force: true })));
  return gone.length;
}

/**
 * Test hook: with SDKGEN_TEST_KILL_AFTER=<n>[:<signal>] the process sends itself the signal (SIGKILL by default) as its
 * n-th change to the disk starts, so a test can interrupt a run at any point of its writing. Unset, it costs a counter.
 */
const killAfter = /^(\d+)(?::(SIG[A-Z]+))?$/.exec(process.env['SDKGEN_TEST_KILL_AFTER'] ?? '');
let operations = 0;
export function diskOperation(): void {
  operations += 1;
  if (killAfter && operations === Number(killAfter[1]))
    process.kill(process.pid, (killAfter[2] ?? 'SIGKILL') as NodeJS.Signals);
}

/** How many changes to the disk this process has made (for tests: the points a kill can fall on). */
export function diskOperations(): number {
  return operations;
}
