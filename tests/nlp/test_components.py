"""The kit's spaCy components as proper factories: entry points, requires/assigns, config, saving."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
import spacy

from analystkit.nlp.model import KIT_COMPONENTS, add_components

FACTORIES = [name for name, _ in KIT_COMPONENTS]
TEXT = (
    "Russian Defence Minister Sergei Shoigu ordered the retreat from Kherson on Wednesday\n\n"
    "Shoigu said the Kremlin would regroup. Gen. Surovikin agreed. The Ukrainian army moved in."
)


def fresh(code: str) -> subprocess.CompletedProcess:
    """Run ``code`` in a new interpreter that has not imported the kit."""
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=300, env={**os.environ})


@pytest.mark.parametrize("factory", FACTORIES)
def test_factories_are_found_without_importing_the_kit(factory):
    done = fresh(f"""
        import sys, spacy
        nlp = spacy.blank("en")
        nlp.add_pipe({factory!r})
        assert nlp.pipe_names == [{factory!r}]
        print("ok")
    """)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("ok")


def test_paragraph_component_works_in_a_blank_pipeline():
    done = fresh("""
        import spacy
        nlp = spacy.blank("en")
        nlp.add_pipe("analystkit_paragraphs")
        doc = nlp("A headline without a stop\\n\\nThe first sentence. The second one.")
        print([t.text for t in doc if t.is_sent_start])
    """)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['A', 'The']"


def test_requires_and_assigns_are_declared():
    spacy.blank("en")  # a new Language loads the factories' entry points
    for factory in FACTORIES:
        meta = spacy.Language.get_factory_meta(factory)
        assert meta.assigns, factory
    assert "token.is_sent_start" in spacy.Language.get_factory_meta("analystkit_paragraphs").assigns
    assert "token.ent_kb_id" in spacy.Language.get_factory_meta("analystkit_actors").assigns


def test_settings_reach_components_through_their_config(nlp):
    for name in ("analystkit_places", "analystkit_consistency", "analystkit_actors"):
        assert "aliases" in nlp.config["components"][name]


def test_saved_pipeline_loads_back_and_gives_the_same_annotations(nlp, tmp_path):
    expected = nlp(TEXT)
    nlp.to_disk(tmp_path / "pipeline")
    done = fresh(f"""
        import json, spacy
        nlp = spacy.load({str(tmp_path / "pipeline")!r})
        doc = nlp({TEXT!r})
        print(json.dumps({{"pipes": nlp.pipe_names, "ents": [[e.start_char, e.end_char, e.label_, e.kb_id_] for e in doc.ents],
                           "sents": [s.start_char for s in doc.sents], "spans": sorted(doc.spans)}}))
    """)
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout.strip().splitlines()[-1])
    assert got["pipes"] == nlp.pipe_names and set(FACTORIES) <= set(got["pipes"])
    assert got["ents"] == [[e.start_char, e.end_char, e.label_, e.kb_id_] for e in expected.ents]
    assert got["sents"] == [s.start_char for s in expected.sents]
    assert got["spans"] == sorted(expected.spans)


def test_add_components_to_any_english_pipeline_is_idempotent():
    nlp = spacy.blank("en")
    add_components(nlp)
    add_components(nlp)
    assert nlp.pipe_names == FACTORIES
