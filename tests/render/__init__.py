"""Tests of rehabgen.render."""
