"""The version printed on every handout; bump it with every release."""

__version__ = "0.1.0"
