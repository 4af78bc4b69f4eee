"""Kansrijk: open-source platform for the fight against child poverty."""
