from __future__ import annotations

from analystkit.io.readers import (
    markdown_to_text,
    read_csv,
    read_html,
    read_json,
    read_jsonl,
    split_header,
)


def test_key_value_header():
    meta, body, has = split_header("title: A headline\npublished: 2022-11-09\n\nBody text.\n")
    assert has and meta == {"title": "A headline", "published": "2022-11-09"} and body == "Body text.\n"


def test_yaml_front_matter():
    meta, body, has = split_header("---\ntitle: X\ndate: '2022-01-07'\n---\n \nBody.\n")
    assert has and meta["title"] == "X" and meta["date"] == "2022-01-07" and body.strip() == "Body."


def test_no_header_when_first_block_is_prose():
    text = "Note: this is prose, not a header.\n\nMore."
    meta, body, has = split_header(text)
    assert not has and body == text


def test_markdown_reduced_to_plain_text():
    md = "# Heading\n\nSome *emphasis* and a [link](http://x.org) here,\nwrapped line.\n\n- item one\n- item two\n\n\\###\n"
    text = markdown_to_text(md)
    assert text == "Heading\n\nSome emphasis and a link here, wrapped line.\n\nitem one\n\nitem two"


def test_jsonl_bad_line_reported_good_lines_kept():
    articles, problems = read_jsonl('{"text": "One.", "title": "a"}\n{broken\n{"body": "Two."}\n{"title": "no text"}\n')
    assert [a.text for a in articles] == ["One.", "Two."]
    assert [p.part for p in problems] == ["line 2", "line 4"]
    assert "malformed JSON" in problems[0].reason and "no text field" in problems[1].reason


def test_json_list_and_wrapped_list():
    assert len(read_json('[{"text": "A."}, {"text": "B."}]')[0]) == 2
    assert len(read_json('{"articles": [{"content": "A."}]}')[0]) == 1
    articles, problems = read_json("{not json")
    assert not articles and "malformed JSON" in problems[0].reason


def test_csv_needs_a_text_column():
    articles, problems = read_csv("title,date\nA,2022-01-01\n")
    assert not articles and "no text column" in problems[0].reason
    articles, problems = read_csv('title,text\nA,"Body, with comma."\nB,\n')
    assert [a.text for a in articles] == ["Body, with comma."]
    assert problems[0].part == "row 3"


def test_html_main_text_extracted():
    page = "<html><head><title>T</title></head><body><nav>Menu Home About</nav><article><h1>Big news</h1>" + "".join(
        f"<p>Paragraph {i} says something long enough to count as main text for the extractor to keep it.</p>" for i in range(5)
    ) + "</article><footer>Copyright</footer></body></html>"
    articles, problems = read_html(page)
    assert not problems
    assert "Paragraph 3 says something" in articles[0].text
    assert "Menu Home About" not in articles[0].text
    assert "\n\n" in articles[0].text
