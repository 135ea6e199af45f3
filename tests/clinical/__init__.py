"""Tests of rehabgen.clinical."""
