/**
 * The C library's headers, as text for the preprocessor: valid C99 without gcc extensions (the
 * front end's only builtins are __builtin_offsetof, __builtin_va_arg and the runtime's
 * __builtin_va_start and __builtin_va_end). Types and structure layouts are those of glibc on
 * Linux x86-64, checked against gcc with the real headers.
 */
import { BASE_HEADERS } from './base';
import { ERRNO_HEADERS } from './errno';
import { FILES_HEADERS } from './files';
import { INET_HEADERS } from './inet';
import { LIMITS_HEADERS } from './limits';
import { LOCAL_HEADERS } from './local';
import { MATH_HEADERS } from './math';
import { SIGNAL_HEADERS } from './signal';
import { SOCKET_HEADERS } from './socket';
import { STDIO_HEADERS } from './stdio';
import { STRING_HEADERS } from './string';
import { TEXTBOOK_HEADERS } from './textbooks';
import { TIME_HEADERS } from './time';
import { TYPES_HEADERS } from './types';
import { UNISTD_HEADERS } from './unistd';

/** Every header by the name a program includes it by ('stdio.h', 'sys/socket.h', 'tlpi_hdr.h'). */
export const SYSTEM_HEADERS: Record<string, string> = {
  ...BASE_HEADERS,
  ...LIMITS_HEADERS,
  ...ERRNO_HEADERS,
  ...STDIO_HEADERS,
  ...STRING_HEADERS,
  ...MATH_HEADERS,
  ...TYPES_HEADERS,
  ...SIGNAL_HEADERS,
  ...UNISTD_HEADERS,
  ...FILES_HEADERS,
  ...TIME_HEADERS,
  ...SOCKET_HEADERS,
  ...LOCAL_HEADERS,
  ...INET_HEADERS,
  ...TEXTBOOK_HEADERS,
};

/** The textbooks' helper headers: names a program includes with quotes ("unp.h"). */
export const TEXTBOOK_HEADER_NAMES: readonly string[] = Object.keys(TEXTBOOK_HEADERS);
