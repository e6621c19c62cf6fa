/** What an import refuses, and what it says: the messages a user reads when a file is not a trace. */
import { describe, expect, it } from 'vitest';
import { MAX_TRACE_BYTES, refuse, traceScenarioJson } from './importTrace';

describe('importing a trace', () => {
  it('accepts strace output', () => {
    expect(
      refuse('app.strace', '1234  socket(AF_UNIX, SOCK_STREAM, 0) = 3\n1234  close(3) = 0\n'),
    ).toBeNull();
  });

  it('says what was expected when the file is not strace output', () => {
    const why = refuse('notes.txt', 'eggs\nmilk\nbread\n');
    expect(why).toMatch(/^notes\.txt is not strace output: /);
    expect(why).toContain('strace -f -o app.strace');
  });

  it('refuses a file over the size limit with its size and what to do, without reading it as a trace', () => {
    const huge = { length: MAX_TRACE_BYTES + 1 } as unknown as string;
    expect(refuse('big.strace', huge)).toMatch(
      /^big\.strace is 64 MB; traces up to 64 MB can be opened\. Record a shorter run/,
    );
  });

  it('saves a trace as a scenario file that holds the text exactly', () => {
    const text = '1  write(1, "\\x00é", 3) = 3\n';
    expect(JSON.parse(traceScenarioJson('t', text))).toEqual({ title: 't', trace: text });
  });
});
