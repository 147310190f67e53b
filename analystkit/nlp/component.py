"""The shape the kit's Doc-level components share: a function of the Doc, configured with the
analyst's alias file (the gazetteer is process-wide: :func:`analystkit.vocab.gazetteer.use_user_aliases`)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from ..vocab.gazetteer import use_user_aliases


class DocFunction:
    """A pipeline component that applies ``function`` to every Doc; ``aliases`` is the analyst's
    alias CSV the gazetteer reads ("" for the kit's own lists only)."""

    def __init__(self, nlp: Language, name: str, function: Callable[[Doc], Doc], aliases: str = ""):
        self.name = name
        self.function = function
        self.aliases = aliases
        use_user_aliases(aliases)

    def __call__(self, doc: Doc) -> Doc:
        return self.function(doc)


__all__ = ["DocFunction"]
