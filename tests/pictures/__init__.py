"""Tests of rehabgen.pictures."""
