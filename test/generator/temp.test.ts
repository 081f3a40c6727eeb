// Temporary paths and signals: the CLI's process removes them on a signal; a program that uses generate() as a
// library keeps its own signal handling.
import { expect, test } from 'vitest';
import { removeTemporariesOnSignals, track, untrack } from '../../generator/core/temp.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const counts = (): number[] => [
  ...SIGNALS.map((signal) => process.listenerCount(signal)),
  process.listenerCount('exit'),
];

test('as a library: tracking a path adds an exit handler and no signal handler; the CLI opts in to signals', () => {
  const [int, term, hup, exit] = counts();
  track('/nonexistent/sdkgen-temp-test-a');
  expect(counts()).toEqual([int, term, hup, exit! + 1]);
  untrack('/nonexistent/sdkgen-temp-test-a');
  expect(counts()).toEqual([int, term, hup, exit]);

  removeTemporariesOnSignals();
  track('/nonexistent/sdkgen-temp-test-b');
  expect(counts()).toEqual([int! + 1, term! + 1, hup! + 1, exit! + 1]);
  untrack('/nonexistent/sdkgen-temp-test-b');
  expect(counts()).toEqual([int, term, hup, exit]);
});
