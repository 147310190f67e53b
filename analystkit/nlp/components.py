"""Registers the kit's spaCy factories. Importing this module is enough.

* ``analystkit_paragraphs`` — paragraph-aware sentence starts (:mod:`.segmentation`)
* ``analystkit_places`` — gazetteer corrections of entity labels (:mod:`.entities`)
* ``analystkit_actors`` — canonical actor of every actor mention (:mod:`analystkit.actors.linking`)

Add them to any English pipeline with :func:`analystkit.nlp.model.add_components`.
"""

from ..actors import linking as _linking  # noqa: F401
from . import entities as _entities  # noqa: F401
from . import segmentation as _segmentation  # noqa: F401
