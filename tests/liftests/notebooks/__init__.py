"""Tests of the notebooks: execute, checks, images, jshell_portability, timing."""
