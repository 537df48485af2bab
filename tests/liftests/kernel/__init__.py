"""Tests and reports of the Java kernel (kernel/): behaviour, start_cycles; reports: latency, latency_compare,
start_compare, warmup_effect; jdks (the second JDK)."""
