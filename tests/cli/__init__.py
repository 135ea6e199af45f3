"""Tests of rehabgen.cli."""
