// Step 1, normalize (carecourse/normalize): NFKC, Traditional to Simplified, blanks and
// punctuation folded, typos fixed, with each character's offset in the original.

export function normalize(ctx, original) {
  const chars0 = Array.from(original);
  let chars = null;
  let index = null;
  if (!chars0.some((c) => inRanges(ctx.needsCleaning, c.codePointAt(0)))) {
    const whole = nfkc(ctx, chars0);
    if (whole.length === chars0.length) {
      chars = whole;
      index = chars0.map((_, i) => i);
    }
  }
  if (chars === null) [chars, index] = nfkcAndClean(ctx, chars0);
  chars = toSimplified(ctx, chars);
  [chars, index] = fold(ctx, chars, index);
  let text = standIn(ctx, chars);
  if (ctx.typos) text = text.replace(ctx.typos, (m) => ctx.typoTable[m]);
  return { original: chars0, text, offsets: index };
}

// Python's NFKC: a character its Unicode version has not assigned stays as it is.
function nfkc(ctx, chars) {
  const out = [];
  let run = "";
  for (const c of chars) {
    if (inRanges(ctx.unassigned, c.codePointAt(0))) {
      for (const n of run.normalize("NFKC")) out.push(n);
      run = "";
      out.push(c);
    } else run += c;
  }
  for (const n of run.normalize("NFKC")) out.push(n);
  return out;
}

function nfkcAndClean(ctx, chars0) {
  const chars = [];
  const index = [];
  chars0.forEach((c, i) => {
    if (ctx.spaces.has(c)) {
      chars.push(c);
      index.push(i);
    } else if (!inRanges(ctx.dropped, c.codePointAt(0))) {
      for (const out of nfkc(ctx, [c])) {
        chars.push(out);
        index.push(i);
      }
    }
  });
  return [chars, index];
}

function toSimplified(ctx, chars) {
  if (!chars.some((c) => ctx.t2s.has(c))) return chars;
  const converted = [];
  for (let i = 0; i < chars.length; ) {
    const phrase = (ctx.phrases.get(chars[i]) || []).find(([from]) => from.every((c, k) => chars[i + k] === c));
    if (phrase) {
      for (const c of phrase[1]) converted.push(c);
      i += phrase[0].length;
    } else {
      converted.push(ctx.t2s.get(chars[i]) ?? chars[i]);
      i += 1;
    }
  }
  if (converted.length === chars.length) return converted;
  return chars.map((c) => ctx.t2s.get(c) ?? c);
}

function fold(ctx, chars, index) {
  const outChars = [];
  const outIndex = [];
  for (let i = 0; i < chars.length; ) {
    if (!ctx.spaces.has(chars[i])) {
      outChars.push(isApostrophe(chars, i) ? "'" : ctx.fold.get(chars[i]) ?? chars[i]);
      outIndex.push(index[i]);
      i += 1;
      continue;
    }
    let j = i;
    let lineBreak = false;
    for (; j < chars.length && ctx.spaces.has(chars[j]); j++) lineBreak ||= ctx.lineBreaks.has(chars[j]);
    outChars.push(lineBreak ? "\n" : " ");
    outIndex.push(index[i]);
    i = j;
  }
  return [outChars, outIndex];
}

// the apostrophe of an English word (I'm, can't) is no quotation mark (normalize/__init__.py _APOSTROPHE)
const ASCII_LETTER = /^[A-Za-z]$/;
function isApostrophe(chars, i) {
  return (chars[i] === "'" || chars[i] === "\u2019") && ASCII_LETTER.test(chars[i - 1] ?? "") && ASCII_LETTER.test(chars[i + 1] ?? "");
}

function standIn(ctx, chars) {
  const [low, high] = ctx.privateUse;
  let next = ctx.firstFree;
  const own = new Map();
  let text = "";
  for (const c of chars) {
    const code = c.codePointAt(0);
    if (code <= 0xffff && (code < low || code > high)) {
      text += c;
      continue;
    }
    let stand = ctx.standIns.get(c) ?? own.get(c);
    if (stand === undefined) {
      stand = String.fromCharCode(next);
      next = next < high ? next + 1 : ctx.firstFree; // more than 6,000 such characters: shared
      own.set(c, stand);
    }
    text += stand;
  }
  return text;
}

// A normalised text's content characters (no separators): placeholders, customer lines.
export function contentOf(ctx, text) {
  return normalize(ctx, text).text.replace(ctx.gaming.separators, "");
}

function inRanges(ranges, code) {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (code < ranges[mid][0]) hi = mid - 1;
    else if (code > ranges[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
}
