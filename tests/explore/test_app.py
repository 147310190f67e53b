"""The explorer's widget state, in-kernel: build with display=False, set values, read the result."""

from __future__ import annotations

import datetime as dt
import html
import re
import warnings

import pandas as pd
import pytest

pytest.importorskip("ipywidgets")

import analystkit as ak
from analystkit.explorer import Explorer, index_claims

from .conftest import make_tables


@pytest.fixture()
def app(tables) -> Explorer:
    return ak.explore(tables, display=False)


def shown_claim(app: Explorer) -> str:
    """The text inside the reading pane's claim mark (nested marks included), unescaped."""
    return claim_mark_text(app.reading.value)


def claim_mark_text(markup: str) -> str:
    from html.parser import HTMLParser

    class Marks(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.depth, self.found, self.parts = 0, 0, []

        def handle_starttag(self, tag, attrs):
            if tag == "mark" and self.depth:
                self.depth += 1
            elif tag == "mark" and dict(attrs).get("data-label") == "claim":
                self.depth, self.found = 1, self.found + 1

        def handle_endtag(self, tag):
            if tag == "mark" and self.depth:
                self.depth -= 1

        def handle_data(self, data):
            if self.depth:
                self.parts.append(data)

    parser = Marks()
    parser.feed(markup)
    assert parser.found <= 1, "one claim mark at most"
    return "".join(parser.parts)


def table_rows(app: Explorer) -> list[str]:
    return re.findall(r"<tr data-row='(\d+)'", app.table.value)


def test_starts_with_every_claim_and_the_first_one_read(app):
    assert len(app.result) == 5 and app.page_number == 0 and app.selected == 0
    assert table_rows(app) == ["0", "1", "2", "3", "4"]
    assert shown_claim(app) == "that Russia may withdraw from Kherson"
    assert "<b>5</b> of 5 claims" in app.status.value
    assert set(app.controls) == {"article", "outlet", "date_from", "date_to", "actor", "source_type", "hedged", "certainty", "flag_kind", "search"}
    assert repr(app).startswith("<Explorer: 5 of 5 claims match (all claims)")


def test_setting_filters_updates_table_and_reading_pane(app):
    app.hedged.value = "unhedged"
    assert table_rows(app) == ["1", "2", "4"] and shown_claim(app) == "the army will stay"
    app.actor.value = "Russia"
    assert table_rows(app) == ["4"] and shown_claim(app) == "that Russian troops left"
    assert "<b>1</b> of 5 claims" in app.status.value
    app.actor.value = ""
    app.hedged.value = "any"
    app.source_type.value = "unnamed"
    app.certainty.value = (0.6, 1.0)
    assert app.result.claim_id.tolist() == ["0.0"] and app.result.article_id.tolist() == ["a2"]
    app.search.value = "nothing like this"
    assert len(app.result) == 0 and "No claim matches" in app.table.value and app.reading.value == "<p>No claim selected.</p>"


def test_article_outlet_date_and_flag_controls(app):
    app.article.value = "a1"
    assert app.result.article_id.unique().tolist() == ["a1"]
    app.article.value = "(all)"
    app.outlet.value = "Wire"
    assert len(app.result) == 2
    app.outlet.value = "(all)"
    app.date_to.value = dt.date(2022, 11, 9)
    assert len(app.result) == 3
    app.date_to.value = None
    app.flag_kind.value = "dangling_reference"
    assert table_rows(app) == ["4"] and "dangling_reference" in app.reading.value


def test_choosing_a_claim_reads_it(app):
    app.select(3)
    assert app.selected == 3 and shown_claim(app) == "Kherson is probably free"
    assert "<tr data-row='3' style='background:#fbf3b0'>" in app.table.value  # highlighted in the table
    app.whole.value = True
    plain = re.sub(r"<[^>]+>", "", app.reading.value)
    assert "Ukrainian officials said" in plain and "Russian troops left" in plain


def test_paging_keeps_the_table_small(tables):
    app = ak.explore(tables, display=False, page_size=2)
    assert table_rows(app) == ["0", "1"] and app.n_pages == 3 and app.previous.disabled
    app.next.click()
    assert table_rows(app) == ["2", "3"] and app.selected == 2 and app.page_number == 1
    app.next.click()
    app.next.click()
    assert table_rows(app) == ["4"] and app.next.disabled
    app.hedged.value = "hedged"  # a filter change goes back to page 1
    assert app.page_number == 0 and table_rows(app) == ["0", "3"]
    assert [label.split(" · ")[0] for label, _ in app.chooser.options] == ["1", "2"]


def test_export_button_writes_the_whole_selection(app, tmp_path):
    app.source_type.value = "unnamed"
    app.export_path.value = str(tmp_path / "selection.csv")
    app.export_button.click()
    assert "2 claims written" in app.message.value
    back = pd.read_csv(tmp_path / "selection.csv", keep_default_na=False)
    assert back.text.tolist() == ["that Russia may withdraw from Kherson", "Kherson is probably free"]
    assert app.export(tmp_path / "selection.xlsx").exists()
    app.export_path.value = str(tmp_path / "selection.txt")
    app.export_button.click()
    assert "not '.txt'" in html.unescape(app.message.value)


def test_without_flags_there_is_no_flag_filter():
    app = ak.explore(make_tables(flags=False), display=False)
    assert "flag_kind" not in app.controls and not hasattr(app, "flag_kind")
    assert len(app.result) == 5


def test_a_prebuilt_index_and_the_sourcing_widget_share_the_parts(tables):
    index = index_claims(tables)
    app = ak.explore(index, display=False)
    assert app.index is index
    box = ak.widgets.sourcing.claims_filter(tables["claims"])
    source_type, actor = box.children[0].children
    assert (source_type.description, actor.description) == ("Source type", "Actor")
    assert actor.options == ("(all)", "Ministry", "Vladimir Putin")


@pytest.fixture(scope="module")
def seed_app(nlp):
    from tests.conftest import SAMPLE, SEED_ID

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = ak.load(SAMPLE / f"{SEED_ID}.txt", nlp=nlp)
    return corpus, ak.explore(corpus, display=False)


def test_on_a_real_article_every_claim_is_read_at_its_offsets(seed_app):
    corpus, app = seed_app
    assert len(app.result) == len(corpus.claims) > 5
    text = corpus.text(app.result.article_id.iloc[0])
    for position, claim in app.page.iterrows():
        app.select(position)
        assert text[claim.start:claim.end] == claim.text
        assert shown_claim(app) == claim.text  # offsets are sacred: the mark holds exactly the claim
    app.hedged.value = "hedged"
    assert len(app.result) and app.result.hedged.all()


def test_sourcing_widget_redraws_its_table_without_capturing_output(tables):
    box = ak.widgets.sourcing.claims_filter(tables["claims"])
    source_type, actor = box.children[0].children
    view = box.children[1]
    everything = view.value
    assert f"{len(tables['claims'])} claims" in everything and "<table" in everything
    actor.value = "Vladimir Putin"
    narrowed = view.value
    n = int((tables["claims"]["source_actor"] == "Vladimir Putin").sum())
    assert f"{n} claims" in narrowed and narrowed != everything
    assert narrowed.count("<tr") == 1 + min(n, 30)  # the header, then Putin's claims only


def test_actor_picker_shows_the_chosen_actors_tables(seed_app):
    corpus, _ = seed_app
    tables = {name: corpus.table(name) for name in ("articles", "sentences", "entities", "claims", "actions", "actors")}
    names = corpus.actors.actor.tolist()[:2]
    box = ak.widgets.actors.actor_picker(tables, actors=names)
    dropdown, view = box.children
    first = view.value
    assert dropdown.value == names[0] and "<table" in first
    dropdown.value = names[1]
    assert view.value != first


def test_actor_lists_offer_the_most_claimed_and_any_typed_name_still_filters(tables, monkeypatch):
    """At scale a corpus names tens of thousands of actors: the lists offer the most claimed, typing reaches the rest."""
    from analystkit.explorer import app as app_module

    monkeypatch.setattr(app_module, "ACTOR_OPTIONS", 1)
    explorer = ak.explore(tables, display=False)
    offered = list(explorer.controls["actor"].options)
    everyone = explorer.index.actors()
    assert len(everyone) > 1 and offered == everyone[:1]
    rest = everyone[-1]
    explorer.controls["actor"].value = rest
    assert len(explorer.result) and len(explorer.result) < len(tables["claims"])
    box = ak.widgets.sourcing.claims_filter(tables["claims"])
    assert len(box.children[0].children[1].options) == 2  # "(all)" and the most quoted speaker


def test_actor_picker_offers_the_most_mentioned_actors(seed_app, monkeypatch):
    from analystkit.explorer import app as app_module

    corpus, _ = seed_app
    tables = {name: corpus.table(name) for name in ("articles", "sentences", "entities", "claims", "actions", "actors")}
    monkeypatch.setattr(app_module, "ACTOR_OPTIONS", 2)
    picker = ak.widgets.actors.actor_picker(tables)
    assert len(corpus.actors) > 2 and picker.children[0].options == tuple(corpus.actors.actor[:2])
