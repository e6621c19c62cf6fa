import { describe, expect, it } from 'vitest';
import { type CType, sizeOf } from './ast';
import { compileFrontEnd, formatDiagnostic } from './frontend';

/** The struct named `tag`, from a file that defines it and declares `struct tag x;`. */
function struct(src: string, tag: string): Extract<CType, { kind: 'struct' | 'union' }> {
  const tu = compileFrontEnd({ 't.c': `${src}\nstruct ${tag} x;` }, 't.c', {});
  expect(tu.diagnostics.map(formatDiagnostic)).toEqual([]);
  const t = tu.decls[tu.decls.length - 1].type;
  if (t.kind !== 'struct' && t.kind !== 'union') throw new Error('not a struct');
  return t;
}

function offsets(t: Extract<CType, { kind: 'struct' | 'union' }>): Record<string, number> {
  return Object.fromEntries(t.fields!.map((f) => [f.name, f.offset]));
}

describe('x86-64 struct layouts', () => {
  it('lays out sockaddr_un: sun_family at 0, sun_path at 2, 110 bytes', () => {
    const t = struct(
      'struct sockaddr_un {\n  unsigned short sun_family;\n  char sun_path[108];\n};',
      'sockaddr_un',
    );
    expect(offsets(t)).toEqual({ sun_family: 0, sun_path: 2 });
    expect(t).toMatchObject({ size: 110, align: 2 });
  });

  it('pads msghdr so that its pointers are 8-aligned', () => {
    const src = [
      'typedef unsigned int socklen_t;',
      'struct iovec { void *iov_base; unsigned long iov_len; };',
      'struct msghdr {',
      '  void *msg_name;',
      '  socklen_t msg_namelen;',
      '  struct iovec *msg_iov;',
      '  unsigned long msg_iovlen;',
      '  void *msg_control;',
      '  unsigned long msg_controllen;',
      '  int msg_flags;',
      '};',
    ].join('\n');
    const t = struct(src, 'msghdr');
    expect(offsets(t)).toEqual({
      msg_name: 0,
      msg_namelen: 8,
      msg_iov: 16,
      msg_iovlen: 24,
      msg_control: 32,
      msg_controllen: 40,
      msg_flags: 48,
    });
    expect(t.size).toBe(56);
  });

  it('lays out cmsghdr and a struct ending in a flexible array member', () => {
    const t = struct(
      'struct cmsghdr { unsigned long cmsg_len; int cmsg_level; int cmsg_type; unsigned char data[]; };',
      'cmsghdr',
    );
    expect(offsets(t)).toEqual({ cmsg_len: 0, cmsg_level: 8, cmsg_type: 12, data: 16 });
    expect(t.size).toBe(16);
  });

  it('pads the tail to the alignment of the largest member', () => {
    const t = struct('struct s { long l; char c; };', 's');
    expect(t).toMatchObject({ size: 16, align: 8 });
    expect(struct('struct e { char a; short b; char c; };', 'e')).toMatchObject({ size: 6, align: 2 });
  });

  it('lays out nested structs and arrays of structs', () => {
    const t = struct(
      'struct in { char c; int i; };\nstruct out { char tag; struct in v[2]; double d; };',
      'out',
    );
    expect(offsets(t)).toEqual({ tag: 0, v: 4, d: 24 });
    expect(sizeOf(t)).toBe(32);
  });

  it('lays out struct sigaction with its union of handlers', () => {
    const src = [
      'typedef struct { unsigned long __val[16]; } sigset_t;',
      'struct sigaction {',
      '  union { void (*sa_handler)(int); void (*sa_sigaction)(int, void *, void *); } u;',
      '  sigset_t sa_mask;',
      '  int sa_flags;',
      '  void (*sa_restorer)(void);',
      '};',
    ].join('\n');
    const t = struct(src, 'sigaction');
    expect(offsets(t)).toEqual({ u: 0, sa_mask: 8, sa_flags: 136, sa_restorer: 144 });
    expect(t.size).toBe(152);
  });

  it('evaluates offsetof in constant expressions, the builtin and the classic pointer trick', () => {
    const src = [
      'struct sockaddr_un { unsigned short sun_family; char sun_path[108]; };',
      'char a[__builtin_offsetof(struct sockaddr_un, sun_path[3])];',
      'char b[(unsigned long) &((struct sockaddr_un *) 0)->sun_path];',
      'char c[sizeof(((struct sockaddr_un *) 0)->sun_path)];',
    ].join('\n');
    const tu = compileFrontEnd({ 't.c': src }, 't.c', {});
    expect(tu.diagnostics).toEqual([]);
    expect(tu.decls.map((d) => (d.type.kind === 'array' ? d.type.length : -1))).toEqual([5, 2, 108]);
  });
});
