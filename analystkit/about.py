"""Package metadata, kept in one place."""

__title__ = "analystkit"
__version__ = "0.1.0"
__summary__ = "Read news critically: sourcing, hedging and actors, traced to the exact words."
