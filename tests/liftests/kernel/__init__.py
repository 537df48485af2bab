"""Tests and reports of the Java kernel (kernel/): behaviour, start_cycles, start_compare, warmup_effect."""
