/**
 * access() and chmod() for the model's processes, which run as root as the recordings did: read
 * and write always allowed, X_OK only with an execute bit or on a directory. The expected text is
 * what fixtures/probes/c/access.c printed when built with gcc 12 and run as root on Linux 6.18
 * (`fixtures/probes/c/run.sh access`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lineOf, runC } from '../testing';

const ACCESS = `missing F_OK: -1 No such file or directory
file F_OK: 0 
file R_OK|W_OK: 0 
file 0600 X_OK: -1 Permission denied
file 0700 X_OK: 0 
directory X_OK: 0 
socket F_OK: 0 
socket W_OK: 0 
bad mode: -1 Invalid argument
not a directory: -1 Not a directory
`;

const source = readFileSync(new URL('../../../../fixtures/probes/c/access.c', import.meta.url), 'utf8');

describe('access and chmod, as root on Linux', () => {
  it('X_OK fails with EACCES on a file without an execute bit, until chmod gives it one', () => {
    const out = runC(source).stdout;
    expect(lineOf(out, 'file 0600 X_OK:')).toBe('file 0600 X_OK: -1 Permission denied');
    expect(lineOf(out, 'file 0700 X_OK:')).toBe('file 0700 X_OK: 0 ');
  });

  it('prints everything as the gcc-built program did', () => {
    expect(runC(source)).toMatchObject({ stdout: ACCESS, exit: 0 });
  });
});
