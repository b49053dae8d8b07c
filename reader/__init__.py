"""reader: a terminal news reader (distribution ``reader-tui``)."""

__version__ = "0.1.0"
