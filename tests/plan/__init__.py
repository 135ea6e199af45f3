"""Tests of rehabgen.plan."""
