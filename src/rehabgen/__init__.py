"""rehabgen: safe, progressive, printable exercise programmes for runners with lower back pain."""

from rehabgen._version import __version__

__all__ = ["__version__"]
