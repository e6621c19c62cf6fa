/**
 * Calls: to the user's functions (Call), to the runtime's natives (Native), or through a
 * function pointer (CallPtr). Arguments are converted to the prototype's parameter types; calls
 * without a prototype (4.3BSD style) pass them with the default promotions.
 */
import { type CType, type Expr, sizeOf, T } from '../ast';
import { Op } from '../vm/ops';
import { CompileError } from './context';
import { emitStore } from './convert';
import { decay, type FuncType, isPtr, isRecord, typeName } from './ctypes';
import { compileAs, compileExpr, type Gen } from './expr';

/** The function type behind a callee type (a function, or a pointer to one). */
function funcType(t: CType): FuncType | null {
  if (t.kind === 'function') return t;
  if (t.kind === 'pointer' && t.to.kind === 'function') return t.to;
  return null;
}

function compileArgs(g: Gen, name: string, ft: FuncType, args: Expr[], pos: Expr['pos']): void {
  const params = ft.params;
  if (params) {
    if (args.length < params.length) throw new CompileError(`too few arguments to function '${name}'`, pos);
    if (args.length > params.length && !ft.variadic)
      throw new CompileError(`too many arguments to function '${name}'`, pos);
  }
  // Right to left, as gcc evaluates arguments on x86-64: printf("%d %d", rand(), rand()) prints
  // the second number drawn first. The call ops take them back in order.
  for (let i = args.length - 1; i >= 0; i--) {
    const a = args[i];
    const pt = params?.[i];
    if (pt) {
      compileAs(g, a, pt);
      continue;
    }
    const t = decay(compileExpr(g, a, 'value'));
    if (isRecord(t) && !params) g.p.warn(`passing a struct to '${name}' without a prototype`, a.pos);
  }
}

/** Compiles a call; returns the type of its value. */
export function compileCall(g: Gen, e: Extract<Expr, { k: 'call' }>): CType {
  const f = g.f;
  const c = e.callee;
  if (c.k === 'ident') {
    if (c.name === '__builtin_va_start') {
      const ap = e.args[0];
      if (!ap) throw new CompileError('va_start needs a va_list', e.pos);
      compileExpr(g, ap, 'addr');
      f.emit(Op.VaStart);
      emitStore(f, { kind: 'pointer', to: T.char });
      f.emit(Op.Pop);
      f.emit(Op.Const, 0);
      return T.void;
    }
    if (c.name === '__builtin_va_end') {
      f.emit(Op.Const, 0);
      return T.void;
    }
    const local = f.lookup(c.name);
    const global = g.p.globals.get(c.name);
    const sym = local ?? global;
    const isFuncSym = !local && (!sym || sym.kind === 'func' || sym.kind === 'native');
    if (isFuncSym) {
      let ft = sym ? funcType(sym.type) : null;
      if (!sym) {
        g.p.warn(`implicit declaration of function '${c.name}'`, c.pos);
        ft = { kind: 'function', ret: T.int, params: null, variadic: false };
      }
      if (!ft) throw new CompileError(`called object '${c.name}' is not a function`, c.pos);
      if (!ft.params && e.args.length > 0 && sym && sym.kind === 'func' && g.p.funcs[sym.index]) {
        // A K&R definition seen earlier: its parameters are known, extra arguments are only warned about.
      }
      compileArgs(g, c.name, ft, e.args, e.pos);
      if (g.defined.has(c.name)) f.emit(Op.Call, g.p.funcSlot(c.name), e.args.length);
      else if (g.natives.has(c.name)) f.emit(Op.Native, g.p.nativeSlot(c.name), e.args.length);
      else throw new CompileError(`undefined reference to '${c.name}'`, c.pos);
      return afterCall(g, ft.ret);
    }
  }
  const ct = decay(compileTypeOnly(g, c));
  const ft = funcType(ct);
  if (!ft || !isPtr(ct))
    throw new CompileError(
      `called object is not a function or function pointer (type '${typeName(ct)}')`,
      e.pos,
    );
  compileArgs(g, 'function pointer', ft, e.args, e.pos);
  compileExpr(g, c, 'value');
  f.emit(Op.CallPtr, e.args.length);
  return afterCall(g, ft.ret);
}

function compileTypeOnly(g: Gen, c: Expr): CType {
  const saved = g.f.code;
  g.f.code = [];
  try {
    return compileExpr(g, c, 'value');
  } finally {
    g.f.code = saved;
  }
}

/** A struct returned by value is copied into the caller's frame right away. */
function afterCall(g: Gen, ret: CType): CType {
  if (isRecord(ret)) {
    const off = g.f.slot(ret);
    g.f.emit(Op.SaveRet, off, sizeOf(ret));
  }
  return ret;
}
