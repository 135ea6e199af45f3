"""Tests of rehabgen.io."""
