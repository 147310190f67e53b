"""spaCy side of the kit: the model loader and the pipeline components."""

from .model import (
    DEFAULT_MODEL,
    MODEL_SETTING,
    add_components,
    load_model,
    resolve_model_name,
)

__all__ = ["DEFAULT_MODEL", "MODEL_SETTING", "add_components", "load_model", "resolve_model_name"]
