"""Unit tests of the test tools themselves (standard library only)."""
