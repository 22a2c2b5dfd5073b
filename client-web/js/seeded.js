// A seeded generator of numbers in [0, 1) (mulberry32): the same seed gives the same numbers, so the same
// event is laid out the same way each time it is opened, and a benchmark draws the same event each run.
export function seeded(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
