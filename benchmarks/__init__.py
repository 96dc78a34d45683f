"""Benchmarks of meldcode-rules, as ratios measured in one run: ``python -m benchmarks``."""
