/**
 * The textbooks' helper functions, written in C by us (errExit and friends for tlpi_hdr.h; err_sys,
 * the capitalised wrappers, Readline and Writen for unp.h), compiled with a program that calls them
 * as system code: their statements are not steps. scripts/record-c-expected.sh compiles the same
 * sources with gcc, so the recorded outputs and the simulator share one implementation.
 */
import { SHARED_FILES } from './shared';
import { TLPI_FILES } from './tlpi';
import { UNP_FILES } from './unp';
import { UNP_WRAPPER_FILES } from './unpWrappers';

/** Library sources by file name (the .c files, and the .inc file they include). */
export const LIBRARY_FILES: Record<string, string> = {
  ...SHARED_FILES,
  ...TLPI_FILES,
  ...UNP_FILES,
  ...UNP_WRAPPER_FILES,
};

/** The library's C sources (each compiled as its own translation unit when a program needs it). */
export const LIBRARY_SOURCES: Record<string, string> = Object.fromEntries(
  Object.entries(LIBRARY_FILES).filter(([name]) => name.endsWith('.c')),
);
