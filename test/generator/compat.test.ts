// `npm run compat` (#12 item 10) runs the official tests outside `npm test`; here, how it tells failures apart.
import { describe, expect, test } from 'vitest';
import { classify } from '../../tools/compat.js';

describe('compat failure causes', () => {
  test.each([
    ['TypeError: client.conferences.participants.retrieve is not a function', 'method missing'],
    ["TypeError: Cannot read properties of undefined (reading 'participants')", 'method missing'],
    ['UnprocessableEntityError: 422 Your request is not valid', 'rejected by Prism'],
    ['Error: 422 {"type":"https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY"}', 'rejected by Prism'],
    ['BadRequestError: 400 10015: Cannot update DIR', 'rejected by Prism'],
    ['APIConnectionError: Connection error: fetch failed: unknown scheme', 'runtime error'],
    ['Error: promise resolved "Page{ data: [] }" instead of rejecting', 'runtime error'],
    ['AssertionError: expected 1 to be 2', 'runtime error'],
  ])('%s', (message, cause) => {
    expect(classify(message)).toBe(cause);
  });
});
