"""The gazetteer: maintained data, curated and analysts' aliases."""

from __future__ import annotations


def actors(nlp, text):
    return {(e.text, e.kb_id_) for e in nlp(text).ents}


def test_kremlin_and_demonyms_map_to_the_state(nlp):
    got = actors(nlp, "The Kremlin denied it. American and Ukrainian officials disagreed.")
    kb = {text: k for text, k in got}
    assert kb.get("Kremlin") == "Russia"
    assert kb.get("American") == "United States"
    assert kb.get("Ukrainian") == "Ukraine"


def test_user_alias_file_is_read(tmp_path, monkeypatch):
    from analystkit.vocab import gazetteer

    path = tmp_path / "mine.csv"
    path.write_text("alias,actor,kind,label,affiliation,source\nZelensky,Volodymyr Zelenskyy,person,PERSON,Ukraine,my notes\n", encoding="utf-8")
    before = gazetteer._USER_ALIASES[0]
    try:
        gazetteer.use_user_aliases(str(path))  # what a component does with its ``aliases`` config
        entry = gazetteer.lookup("Zelensky")
        assert entry is not None and entry.actor == "Volodymyr Zelenskyy" and entry.source == "my notes"
        gazetteer.use_user_aliases("")
        assert gazetteer.lookup("Zelensky") is None
        monkeypatch.setenv(gazetteer.ALIASES_SETTING, str(path))
        gazetteer.use_user_aliases(None)  # no component configured: the ANALYSTKIT_ALIASES setting
        assert gazetteer.lookup("Zelensky").source == "my notes"
    finally:
        monkeypatch.delenv(gazetteer.ALIASES_SETTING, raising=False)
        gazetteer.use_user_aliases(before)
        gazetteer._curated_rows.cache_clear()
        gazetteer.gazetteer.cache_clear()


def test_curated_country_aliases():
    from analystkit.vocab.gazetteer import lookup

    assert lookup("Korea Republic").actor == "South Korea"
    assert lookup("PRC").actor == "China"


def test_media_names_are_organisations_with_provenance():
    from analystkit.vocab.files import read_rows
    from analystkit.vocab.gazetteer import lookup

    rows = read_rows("media_names.csv")
    assert rows and all(row["source"] and row["medium"] in ("outlet", "wire", "fact_checker", "platform") for row in rows)
    for name, actor in (("Politico", "Politico"), ("the Washington Post", "The Washington Post"), ("Twitter", "Twitter"), ("AP", "Associated Press")):
        entry = lookup(name)
        assert entry is not None and entry.kind == "organization" and entry.label == "ORG" and entry.actor == actor
    # Names that are as often a person's or a common word are left out.
    assert lookup("Bloomberg") is None and lookup("Fox") is None and lookup("The Atlantic") is None


def test_medium_of_tells_outlets_from_other_actors():
    from analystkit.vocab.gazetteer import medium_of

    assert medium_of("Politico") == "outlet"
    assert medium_of("The New York Times") == medium_of("New York Times") == "outlet"
    assert medium_of("Twitter") == "platform" and medium_of("Reuters") == "wire" and medium_of("PolitiFact") == "fact_checker"
    assert medium_of("Russia") == "" and medium_of("") == ""
