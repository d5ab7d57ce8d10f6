"""Chinese search that finds what a new hire types.

Sphinx indexes Chinese pages with jieba, but the browser splits a query only at spaces
and punctuation, so 客户投诉 is looked up as one word that is not in the index. Two fixes:

- at build time, every glossary term becomes a jieba word, so 关键时刻 and 服务全景图
  are indexed whole (jieba's search mode still indexes their parts too);
- in the browser, a run of Chinese characters that is not itself an index term is split
  into the fewest index terms that cover it (客户投诉 → 客户 + 投诉); characters no term
  covers are dropped rather than making the search fail.
"""

from __future__ import annotations

from sphinx.search.zh import SearchChinese

SPLITTER_JS = r"""
function splitQuery(query) {
  const parts = query.split(/[^\p{Letter}\p{Number}_\p{Emoji_Presentation}]+/gu).filter((t) => t);
  const index = typeof Search !== "undefined" && Search._index;
  if (!index) return parts;
  const has = Object.prototype.hasOwnProperty;
  const known = (w) => has.call(index.terms, w) || has.call(index.titleterms, w);
  const out = [];
  for (const part of parts) {
    for (const run of part.match(/\p{Script=Han}+|[^\p{Script=Han}]+/gu) || []) {
      if (!/\p{Script=Han}/u.test(run) || known(run.toLowerCase())) out.push(run);
      else out.push(...segmentHan(run, known));
    }
  }
  return out;
}

// Fewest known words covering the run; an uncovered character costs more than a word.
function segmentHan(run, known) {
  const chars = Array.from(run);
  const n = chars.length;
  const best = [{ cost: 0, words: [] }];
  for (let i = 1; i <= n; i++) {
    let pick = { cost: best[i - 1].cost + 3, words: best[i - 1].words };
    for (let j = Math.max(0, i - 8); j <= i - 2; j++) {
      const word = chars.slice(j, i).join("");
      if (known(word) && best[j].cost + 1 < pick.cost) pick = { cost: best[j].cost + 1, words: best[j].words.concat([word]) };
    }
    best.push(pick);
  }
  return best[n].words.length ? best[n].words : [run];
}
"""


class CourseChinese(SearchChinese):
    """Sphinx's Chinese search with the query splitter above."""

    js_splitter_code = SPLITTER_JS


def add_glossary_terms(app, env) -> None:
    try:
        import jieba
    except ImportError:  # Sphinx then indexes without segmentation; nothing to add
        return
    for kind, name in env.domaindata["std"]["objects"]:
        if kind == "term":
            jieba.add_word(name)


def setup(app) -> None:
    app.add_search_language(CourseChinese)
    app.connect("env-updated", add_glossary_terms)
