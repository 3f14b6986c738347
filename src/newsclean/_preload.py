"""Imported by the process that forks ``--jobs`` workers: what every worker would otherwise build
for itself (the default catalogue and its fuzzy gates) is built once, before the fork."""

from __future__ import annotations

from newsclean.filters.boilerplate import catalogue

catalogue(()).compile_fuzzy_gates()
