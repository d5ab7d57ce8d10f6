// Linear models over character n-grams (detect/linear.py): the tone model, the learned
// techniques and the rubrics' second opinion.

// n-grams come as [prefix, last characters] groups (see carecourse/web/data.py)
export function ungroup(groups) {
  const grams = [];
  for (const [prefix, lasts] of groups) for (const last of lasts) grams.push(prefix + last);
  return grams;
}

export function linearModel(grams, weights, bias, longest) {
  const table = new Map();
  grams.forEach((g, k) => {
    if (weights[k]) table.set(g, weights[k]);
  });
  const weight = (text) => {
    let sum = 0;
    for (const g of ngrams(text, longest)) sum += table.get(g) ?? 0;
    return sum;
  };
  return {
    bias,
    weight,
    score: (text) => bias + weight(text),
    heaviest(structure, spans, skip = () => false) {
      let best = null;
      let bestWeight = 0;
      for (const [s, e] of spans) {
        if (structure.isQuoted(s) || skip(s, e)) continue;
        const w = weight(structure.text.slice(s, e));
        if (w > bestWeight) {
          best = [s, e];
          bestWeight = w;
        }
      }
      return best;
    },
  };
}

let lastNgrams = { text: null, longest: 0, grams: null };

function ngrams(text, longest) {
  if (lastNgrams.text === text && lastNgrams.longest === longest) return lastNgrams.grams;
  const grams = new Set();
  for (let n = 1; n <= longest; n++) for (let i = 0; i + n <= text.length; i++) grams.add(text.slice(i, i + n));
  lastNgrams = { text, longest, grams };
  return grams;
}

// models sharing one vocabulary (data.py _learned_techniques, _learned)
export function learnedModels(data, models) {
  const vocabulary = ungroup(data.vocabulary);
  return {
    sure: data.sure,
    share: data.evidence_share,
    lift: data.lift, // the rubrics' second opinion: penalty models are "p:<id>", with their verdict tokens' weights
    doubt: data.doubt, // ... and the models that doubt a met criterion "d:<id>", likewise
    missSure: data.miss_sure ?? data.sure, // ... and those of the criteria the grader misses "m:<id>"
    addSure: data.add_sure ?? null, // ... and those that add a penalty the grader missed "a:<id>"
    verdicts: data.verdicts ?? {},
    models: Object.fromEntries(Object.entries(models).map(([id, m]) => [id, linearModel(vocabulary, m.weights, m.bias, data.longest)])),
  };
}
