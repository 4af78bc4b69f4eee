"""Backups and restores of the whole database (`kansrijk backup`, `kansrijk restore`), and
the replay of the erasure log after a restore (ADR 0011). Top layer: it may use every app."""
