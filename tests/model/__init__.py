"""Tests of rehabgen.model."""
