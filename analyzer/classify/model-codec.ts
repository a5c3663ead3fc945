/**
 * Compact encoding of the model file's long number arrays: small non-negative integers as base64 uint16,
 * other integers as base64 int32, weights as base64 int16
 * in thousandths (the training already rounds them to 3 decimals and they stay well inside ±32), anything else
 * as float32. Short arrays stay plain JSON so the file remains readable where it matters.
 */
type Packed = { u16: string } | { i32: string } | { q16: string } | { f32: string };

const MIN_LENGTH = 64;

function packArray(xs: number[]): Packed | number[] {
  if (xs.length < MIN_LENGTH) return xs;
  if (xs.every((x) => Number.isInteger(x) && x >= 0 && x <= 65535)) return { u16: Buffer.from(Uint16Array.from(xs).buffer).toString('base64') };
  if (xs.every((x) => Number.isInteger(x) && x >= -2147483648 && x <= 4294967295)) {
    const unsigned = xs.some((x) => x > 2147483647);
    const a = unsigned ? Uint32Array.from(xs) : Int32Array.from(xs);
    return { i32: Buffer.from(a.buffer).toString('base64') + (unsigned ? '~u' : '') };
  }
  if (xs.every((x) => Math.abs(x) <= 32 && Math.abs(Math.round(x * 1000) - x * 1000) < 1e-6)) {
    return { q16: Buffer.from(Int16Array.from(xs, (x) => Math.round(x * 1000)).buffer).toString('base64') };
  }
  return { f32: Buffer.from(Float32Array.from(xs).buffer).toString('base64') };
}

function unpackArray(p: Packed): number[] {
  if ('u16' in p) {
    const b = Buffer.from(p.u16, 'base64');
    return Array.from(new Uint16Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)));
  }
  if ('i32' in p) {
    const unsigned = p.i32.endsWith('~u');
    const b = Buffer.from(unsigned ? p.i32.slice(0, -2) : p.i32, 'base64');
    const ab = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
    return Array.from(unsigned ? new Uint32Array(ab) : new Int32Array(ab));
  }
  if ('q16' in p) {
    const b = Buffer.from(p.q16, 'base64');
    return Array.from(new Int16Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)), (x) => x / 1000);
  }
  const b = Buffer.from(p.f32, 'base64');
  return Array.from(new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)));
}

const isPacked = (v: unknown): v is Packed =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && ['u16', 'i32', 'q16', 'f32'].includes(Object.keys(v)[0]!);

export function packModel(value: unknown): unknown {
  if (Array.isArray(value)) return value.every((x) => typeof x === 'number') ? packArray(value as number[]) : value.map(packModel);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, packModel(v)]));
  return value;
}

/** The model as the pipeline reads it from its file: the encoding rounds some weights. */
export function asStored<T>(model: T): T {
  return unpackModel(JSON.parse(JSON.stringify(packModel(model)))) as T;
}

export function unpackModel(value: unknown): unknown {
  if (isPacked(value)) return unpackArray(value);
  if (Array.isArray(value)) return value.map(unpackModel);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unpackModel(v)]));
  return value;
}
