"""Search finds the pages a new hire is looking for, typed the way they type it."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.site]


def _results(visit, query: str) -> list[str]:
    v = visit(f"search.html?q={query}")
    v.page.wait_for_selector("#search-results .search-summary", timeout=15000)
    v.page.wait_for_function("document.querySelector('#search-results .search-summary').innerText.length > 0")
    assert v.errors == []
    return v.page.locator("#search-results ul.search li a").evaluate_all("els => els.map(e => e.getAttribute('href'))")


@pytest.mark.parametrize(
    ("query", "page"),
    [
        ("关键时刻", "m4-touchpoints"),
        ("服务全景图", "m4-touchpoints"),
        ("温馨提示", "m1-care"),
        ("有形性", "m3-rater"),
        ("客户体验", "m2-value"),
        ("营业厅触点", "m4-touchpoints"),  # one run of characters, not an index term
        ("客户投诉", "m2-value"),
        ("坚持己见型", "m5-customer-types"),
        ("开放式提问", "m6-questions"),
        ("设身处地的聆听", "m7-listening"),
        ("投诉处理六步", "m8-complaints"),
        ("服务禁语", "m8-complaints"),
        ("三明治", "m9-saying-no"),
        ("首问负责制", "m10-standards"),
    ],
)
def test_search_lists_the_page(visit, query, page):
    hrefs = _results(visit, query)
    assert any(page in h for h in hrefs), f"{query}: {hrefs}"
