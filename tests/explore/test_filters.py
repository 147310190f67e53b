"""The explorer's filter logic, on small constructed tables (no widgets, no NLP)."""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd
import pytest

from analystkit.explorer import (
    ClaimQuery,
    filter_claims,
    index_claims,
    mask_claims,
    page_of,
    render_claim,
)
from analystkit.explorer.export import export_claims
from analystkit.explorer.filters import count_pages
from analystkit.explorer.index import pairs_in_sentence, pairs_inside, pairs_overlapping
from analystkit.explorer.reading import claim_spans, claim_window

from .conftest import TEXTS, make_tables


def ids(frame: pd.DataFrame) -> list[str]:
    return [f"{a}:{c}" for a, c in zip(frame.article_id, frame.claim_id)]


@pytest.fixture()
def index(tables):
    return index_claims(tables)


def test_empty_query_keeps_every_claim_and_article_columns_are_joined(index):
    result = filter_claims(index, ClaimQuery())
    assert len(result) == 5 and ClaimQuery().is_empty
    assert list(result.index) == [0, 1, 2, 3, 4]  # row positions, for the reading pane
    assert result.loc[3, "outlet"] == "Wire" and result.loc[0, "title"] == "Withdrawal <i>or</i> trap"
    assert result.loc[0, "published"] == pd.Timestamp("2022-11-09")


def test_actor_rule_source_actor_or_entity_inside_the_claim(index):
    # Russia: an entity inside a1 0.0 and inside a2 1.0; not the source of anything
    assert ids(filter_claims(index, actors="Russia")) == ["a1:0.0", "a2:1.0"]
    # Vladimir Putin: the source actor of a1 1.0 (his name is outside the claim's span)
    assert ids(filter_claims(index, actors="Vladimir Putin")) == ["a1:1.0"]
    # Ukraine: only the (unlinked) source's words mention it, outside the span
    assert ids(filter_claims(index, actors="Ukraine")) == []
    assert ids(filter_claims(index, actors=("Ukraine", "Kherson"))) == ["a1:0.0", "a2:0.0"]
    assert ids(filter_claims(index, actors="nobody")) == []


def test_actor_sentence_scope_is_looser(tables):
    loose = index_claims(tables, scope="sentence")
    assert ids(filter_claims(loose, actors="Ukraine")) == ["a2:0.0"]
    assert ids(filter_claims(loose, actors="Vladimir Putin")) == ["a1:1.0"]
    with pytest.raises(ValueError):
        index_claims(tables, scope="paragraph")


def test_actor_names_match_ignoring_case(index):
    assert ids(filter_claims(index, actors="russia")) == ["a1:0.0", "a2:1.0"]
    assert index.actors()[:2] == ["Kherson", "Russia"]  # most claims first, then by name


def test_source_type_hedged_and_certainty(index):
    assert ids(filter_claims(index, source_types="unnamed")) == ["a1:0.0", "a2:0.0"]
    assert ids(filter_claims(index, source_types=("vague", "named_person"))) == ["a1:1.0", "a1:2.0"]
    assert ids(filter_claims(index, hedged=True)) == ["a1:0.0", "a2:0.0"]
    assert ids(filter_claims(index, hedged=False)) == ["a1:1.0", "a1:2.0", "a2:1.0"]
    assert ids(filter_claims(index, certainty=(0.6, 1.0), hedged=True)) == ["a2:0.0"]
    assert ids(filter_claims(index, certainty=(0.5, 0.5))) == ["a1:0.0"]  # inclusive
    assert ids(filter_claims(index, source_actors="Ministry")) == ["a2:1.0"]
    with pytest.raises(ValueError):
        ClaimQuery(certainty=(0.9, 0.1))


def test_the_issue_question_unnamed_hedged_about_russia(index):
    query = ClaimQuery(actors="Russia", source_types="unnamed", hedged=True)
    assert ids(filter_claims(index, query)) == ["a1:0.0"]
    assert query.describe() == "actors: Russia; source types: unnamed; hedged: True"


def test_article_outlet_and_inclusive_date_range(index):
    assert ids(filter_claims(index, articles="a2")) == ["a2:0.0", "a2:1.0"]
    assert ids(filter_claims(index, outlets="Daily")) == ["a1:0.0", "a1:1.0", "a1:2.0"]
    assert len(filter_claims(index, published_to=dt.date(2022, 11, 9))) == 3  # the whole last day
    assert len(filter_claims(index, published_from=dt.date(2022, 11, 10))) == 2
    assert len(filter_claims(index, published_from=dt.date(2022, 11, 10), published_to=dt.date(2022, 11, 30))) == 0


def test_search_is_case_insensitive_and_literal_over_claim_source_and_cue(index):
    assert ids(filter_claims(index, search="KHERSON")) == ["a1:0.0", "a2:0.0"]
    assert ids(filter_claims(index, search="ministry")) == ["a2:1.0"]  # in the source
    assert ids(filter_claims(index, search="reported")) == ["a2:1.0"]  # the cue
    assert ids(filter_claims(index, search='("x")')) == ["a1:2.0"]  # not a regex
    assert ids(filter_claims(index, search="   ")) == ids(filter_claims(index))


def test_flag_kinds_and_a_corpus_without_flags(index):
    assert ids(filter_claims(index, flag_kinds="dangling_reference")) == ["a2:1.0"]  # same sentence
    assert ids(filter_claims(index, flag_kinds="suspicious_quote")) == ["a1:1.0"]
    bare = index_claims(make_tables(flags=False))
    assert not bare.has_flags and index.has_flags
    with pytest.raises(ValueError, match="no flags table"):
        filter_claims(bare, flag_kinds="fragment")


def test_a_bare_claims_table_filters_by_its_own_columns(tables):
    claims = tables["claims"]
    mask = mask_claims(claims, ClaimQuery(source_types="unnamed", hedged=True))
    assert mask.tolist() == [True, False, False, True, False]
    assert ids(filter_claims(claims, actors="Vladimir Putin")) == ["a1:1.0"]  # source actors only
    with pytest.raises(ValueError, match="outlet"):
        filter_claims(claims, outlets="Daily")


def test_query_normalises_values():
    query = ClaimQuery(actors="Russia", articles=["a1", "(all)", ""], source_types="(all)", search="  x ")
    assert query.actors == ("Russia",) and query.articles == ("a1",) and query.source_types == () and query.search == "x"
    assert query.update(hedged=True).hedged is True and query.hedged is None


def test_paging():
    frame = pd.DataFrame({"n": range(60)})
    assert page_of(frame, 0, size=25).n.tolist() == list(range(25))
    assert page_of(frame, 2, size=25).n.tolist() == list(range(50, 60))
    assert page_of(frame, 9, size=25).n.tolist() == list(range(50, 60))  # clamped
    assert page_of(frame, -1, size=25).n.tolist() == list(range(25))
    assert count_pages(60, size=25) == 3 and count_pages(0, size=25) == 1 and count_pages(50, size=25) == 2


def _brute(outer: pd.DataFrame, inner: pd.DataFrame, test) -> set[tuple[int, int]]:
    return {(i, j) for i, o in enumerate(outer.itertuples()) for j, n in enumerate(inner.itertuples()) if o.article_id == n.article_id and n.start >= 0 and test(o, n)}


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_vectorised_span_joins_match_brute_force(seed):
    rng = np.random.default_rng(seed)

    def spans(n: int, longest: int) -> pd.DataFrame:
        start = rng.integers(0, 200, n)
        frame = pd.DataFrame({"article_id": rng.choice(["x", "y", "z"], n), "start": start, "end": start + rng.integers(0, longest, n), "sentence_id": start // 40})
        frame.loc[rng.random(n) < 0.05, "start"] = -1  # "no span" rows never match
        return frame

    outer, inner = spans(60, 50), spans(120, 30)
    got = set(zip(*pairs_inside(outer, inner)))
    assert got == _brute(outer, inner, lambda o, n: n.start >= o.start and n.end <= o.end)
    got = set(zip(*pairs_overlapping(outer, inner)))
    assert got == _brute(outer, inner, lambda o, n: n.start < o.end and n.end > o.start and n.end > n.start)
    got = set(zip(*pairs_in_sentence(outer, inner)))
    assert got == {(i, j) for i, o in enumerate(outer.itertuples()) for j, n in enumerate(inner.itertuples()) if o.article_id == n.article_id and o.sentence_id == n.sentence_id}


def test_reading_pane_marks_the_claim_whole_and_escapes_the_text(index):
    markup = str(render_claim(index, 2))  # the claim with markup and a formula in it
    assert "<b>bold</b>" not in markup and "&lt;b&gt;bold&lt;/b&gt;" in markup
    assert "<i>or</i>" not in markup and "&lt;i&gt;or&lt;/i&gt;" in markup  # the title too
    claim = re.search(r'<mark class="ak-span" data-label="claim"[^>]*>(.*?)</mark>', markup).group(1)
    assert claim == '=HYPERLINK("x") &lt;b&gt;bold&lt;/b&gt;'
    assert re.search(r'data-label="source"[^>]*>An analyst</mark>', markup)
    assert re.search(r'data-label="cue"[^>]*>wrote</mark>', markup)


def test_reading_pane_marks_hedges_actors_and_lists_flags(index):
    markup = str(render_claim(index, 0, context=0))
    assert re.search(r'data-label="hedge"[^>]*>may</mark>', markup)
    assert re.search(r'data-label="actor" title="actor: Russia"[^>]*>Russia</mark>', markup)
    assert "ak-flags" not in markup  # no flag in this passage
    assert "suspicious_quote" in str(render_claim(index, 0, context=1))  # the next sentence has one
    markup = str(render_claim(index, 4))
    assert "dangling_reference" in markup and "which &lt;one&gt;?" in markup


def test_reading_window_is_the_claims_sentences_plus_context(index):
    text = TEXTS["a1"]
    assert claim_window(index, 1, context=0) == (54, 86)  # sentence 1 only
    assert claim_window(index, 1, context=1) == (0, len(text))
    markup = str(render_claim(index, 1, context=0))
    assert "Officials" not in markup and "analyst" not in markup and markup.count("…") == 2
    plain = re.sub(r"<[^>]+>", "", re.search(r"<div class='ak-article-body' style='white-space:pre-wrap[^>]*>(.*?)</div></div>", markup, re.S).group(1))
    assert plain == "Putin said &quot;the army will stay&quot;.".replace("&quot;", '"')
    assert "Officials" in str(render_claim(index, 1, whole=True))


def test_a_span_crossing_the_claim_is_cut_at_its_edge(tables):
    claims = tables["claims"].copy()
    claims.loc[1, "source_start"], claims.loc[1, "source_end"] = 60, 72  # "said "the ar" crosses the claim's start (66)
    index = index_claims({**tables, "claims": claims})
    spans = claim_spans(index, 1)
    assert spans[0] == {"start": 66, "end": 84, "label": "claim", "tooltip": "1.0 · named_person · certainty 1.00"}
    source = next(s for s in spans if s["label"] == "source")
    assert (source["start"], source["end"]) == (60, 66)


def test_export_csv_and_excel_keep_text_exact_and_never_write_formulas(index, tmp_path):
    selection = filter_claims(index, articles="a1")
    path = export_claims(selection, tmp_path / "claims.csv")
    raw = pd.read_csv(path, keep_default_na=False)  # as a spreadsheet sees it: the formula is escaped
    assert '\'=HYPERLINK("x") <b>bold</b>' in raw.text.tolist()
    from analystkit.io.spreadsheet import read_csv_table

    back = read_csv_table(path)  # the kit's reader undoes the escape: the text exactly as extracted
    assert back.text.tolist() == selection.text.tolist() and "outlet" in back and len(back) == 3
    from openpyxl import load_workbook

    path = export_claims(selection, tmp_path / "claims.xlsx")
    sheet = load_workbook(path).active
    header = [c.value for c in sheet[1]]
    cell = sheet.cell(row=4, column=header.index("text") + 1)
    assert cell.value == '=HYPERLINK("x") <b>bold</b>' and cell.data_type == "s"
    assert sheet.cell(row=2, column=header.index("certainty") + 1).value == 0.5
    with pytest.raises(ValueError):
        export_claims(selection, tmp_path / "claims.json")
