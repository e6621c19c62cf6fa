/**
 * Statements and function bodies. Every statement that does something starts with a Stmt
 * marker carrying its line, which is where the machine counts a step.
 */
import { alignOf, type CType, type FuncDef, type Pos, type Stmt, sizeOf, type VarDecl } from '../ast';
import { Op } from '../vm/ops';
import { constInt } from './constant';
import { type CompiledFunc, CompileError, FuncContext } from './context';
import { compileAs, compileExpr, compileTest, type Gen } from './expr';
import { compileInitializer, staticInitializer } from './init';

function mark(g: Gen, pos: Pos): void {
  g.f.emit(Op.Stmt, pos.line);
}

/** Declares (and initializes) the variables of a declaration statement. */
function compileDecl(g: Gen, d: VarDecl): void {
  const f = g.f;
  if (d.type.kind === 'function') {
    if (!g.p.globals.has(d.name)) {
      g.p.globals.set(
        d.name,
        g.defined.has(d.name)
          ? { kind: 'func', index: g.p.funcSlot(d.name), type: d.type }
          : { kind: 'native', name: d.name, type: d.type },
      );
    }
    return;
  }
  if (d.storage === 'extern') {
    const sym = g.p.globals.get(d.name);
    if (!sym) throw new CompileError(`undefined reference to '${d.name}'`, d.pos);
    f.declare(d.name, sym);
    return;
  }
  if (d.storage === 'static') {
    const addr = g.p.data.alloc(sizeOf(d.type), Math.max(1, alignOf(d.type)));
    if (d.init) staticInitializer(g, d.type, addr, d.init);
    f.declare(d.name, { kind: 'global', addr, type: d.type });
    return;
  }
  const offset = f.slot(d.type);
  f.declare(d.name, { kind: 'local', offset, type: d.type });
  if (d.init) {
    mark(g, d.pos);
    compileInitializer(g, d.type, d.init, () => f.emit(Op.Local, offset));
  }
}

/** Compiles one statement. */
export function compileStmt(g: Gen, s: Stmt): void {
  const f = g.f;
  switch (s.k) {
    case 'expr':
      mark(g, s.pos);
      compileExpr(g, s.expr, 'discard');
      return;
    case 'decl':
      for (const d of s.decls) compileDecl(g, d);
      return;
    case 'block':
      f.push();
      for (const b of s.body) compileStmt(g, b);
      f.pop();
      return;
    case 'empty':
      mark(g, s.pos);
      return;
    case 'if': {
      mark(g, s.pos);
      compileTest(g, s.test);
      const jz = f.jump(Op.Jz);
      compileStmt(g, s.then);
      if (s.else) {
        const jend = f.jump(Op.Jmp);
        f.here(jz);
        compileStmt(g, s.else);
        f.here(jend);
      } else f.here(jz);
      return;
    }
    case 'while': {
      const top = f.code.length;
      mark(g, s.pos);
      compileTest(g, s.test);
      const jz = f.jump(Op.Jz);
      loop(g, s.body, top);
      f.emit(Op.Jmp, top);
      f.here(jz);
      endLoop(g, f.code.length);
      return;
    }
    case 'doWhile': {
      const top = f.code.length;
      f.breaks.push([]);
      f.continues.push([]);
      compileStmt(g, s.body);
      for (const c of f.continues.pop() ?? []) f.code[c] = f.code.length;
      mark(g, s.test.pos);
      compileTest(g, s.test);
      f.emit(Op.Jnz, top);
      for (const b of f.breaks.pop() ?? []) f.code[b] = f.code.length;
      return;
    }
    case 'for': {
      f.push();
      if (s.init) compileStmt(g, s.init);
      const top = f.code.length;
      let jz = -1;
      if (s.test) {
        mark(g, s.pos);
        compileTest(g, s.test);
        jz = f.jump(Op.Jz);
      } else mark(g, s.pos);
      f.breaks.push([]);
      f.continues.push([]);
      compileStmt(g, s.body);
      for (const c of f.continues.pop() ?? []) f.code[c] = f.code.length;
      if (s.update) compileExpr(g, s.update, 'discard');
      f.emit(Op.Jmp, top);
      if (jz >= 0) f.here(jz);
      for (const b of f.breaks.pop() ?? []) f.code[b] = f.code.length;
      f.pop();
      return;
    }
    case 'switch': {
      mark(g, s.pos);
      compileAs(g, s.test, { kind: 'int', size: 8, signed: true, name: 'long' });
      const jdispatch = f.jump(Op.Jmp);
      f.switches.push({ cases: [], def: null });
      f.breaks.push([]);
      compileStmt(g, s.body);
      const jend = f.jump(Op.Jmp);
      f.here(jdispatch);
      const sw = f.switches.pop() ?? { cases: [], def: null };
      f.emit(Op.Switch, sw.cases.length);
      for (const c of sw.cases) f.emit(c.value, c.at);
      const endAt = f.code.length + 1;
      f.emit(sw.def ?? endAt);
      f.here(jend);
      for (const b of f.breaks.pop() ?? []) f.code[b] = f.code.length;
      return;
    }
    case 'case':
    case 'default': {
      const sw = f.switches[f.switches.length - 1];
      if (!sw) throw new CompileError(`'${s.k}' label not within a switch statement`, s.pos);
      if (s.k === 'case') {
        const value = constInt(g, s.value);
        if (sw.cases.some((c) => c.value === value)) throw new CompileError('duplicate case value', s.pos);
        sw.cases.push({ value, at: f.code.length });
      } else sw.def = f.code.length;
      compileStmt(g, s.body);
      return;
    }
    case 'break': {
      const list = f.breaks[f.breaks.length - 1];
      if (!list) throw new CompileError('break statement not within loop or switch', s.pos);
      list.push(f.jump(Op.Jmp));
      return;
    }
    case 'continue': {
      const list = f.continues[f.continues.length - 1];
      if (!list) throw new CompileError('continue statement not within a loop', s.pos);
      list.push(f.jump(Op.Jmp));
      return;
    }
    case 'return':
      mark(g, s.pos);
      if (s.value) {
        if (f.ret.kind === 'void') {
          compileExpr(g, s.value, 'discard');
          f.emit(Op.RetVoid);
        } else {
          compileAs(g, s.value, f.ret);
          f.emit(Op.Ret);
        }
      } else if (f.ret.kind === 'void') f.emit(Op.RetVoid);
      else f.emit(Op.Const, 0, Op.Ret);
      return;
    case 'goto':
      mark(g, s.pos);
      f.gotos.push({ at: f.jump(Op.Jmp), label: s.label, pos: s.pos });
      return;
    case 'label':
      if (f.labels.has(s.name)) throw new CompileError(`duplicate label '${s.name}'`, s.pos);
      f.labels.set(s.name, f.code.length);
      compileStmt(g, s.body);
      return;
  }
}

/** A loop body with its own break and continue lists; continue goes to `top`. */
function loop(g: Gen, body: Stmt, top: number): void {
  g.f.breaks.push([]);
  g.f.continues.push([]);
  compileStmt(g, body);
  for (const c of g.f.continues.pop() ?? []) g.f.code[c] = top;
}

function endLoop(g: Gen, at: number): void {
  for (const b of g.f.breaks.pop() ?? []) g.f.code[b] = at;
}

/** Compiles a function definition. */
export function compileFunction(g: Omit<Gen, 'f'>, def: FuncDef, system: boolean): CompiledFunc {
  const f = new FuncContext(def.name, def.type.ret);
  const gen: Gen = { ...g, f };
  const params = def.params.map((p) => {
    const offset = f.slot(p.type);
    f.declare(p.name, { kind: 'local', offset, type: p.type });
    return { offset, type: p.type as CType };
  });
  for (const s of def.body.body) compileStmt(gen, s);
  // Falling off the end: main returns 0 (C99), other functions return nothing.
  f.emit(Op.Stmt, def.end.line);
  if (def.name === 'main' || def.type.ret.kind !== 'void') f.emit(Op.Const, 0, Op.Ret);
  else f.emit(Op.RetVoid);
  for (const go of f.gotos) {
    const at = f.labels.get(go.label);
    if (at === undefined) throw new CompileError(`label '${go.label}' used but not defined`, go.pos);
    f.code[go.at] = at;
  }
  return {
    name: def.name,
    file: def.pos.file,
    index: g.p.funcSlot(def.name),
    code: f.code,
    frameSize: Math.ceil(f.frameSize / 16) * 16,
    params,
    ret: def.type.ret,
    variadic: def.type.variadic,
    system,
    pos: def.pos,
  };
}
