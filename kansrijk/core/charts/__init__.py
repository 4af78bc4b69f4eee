"""Charts and maps for every page, as plain server-rendered SVG (ADR 0030).

A chart is data first: a title, a description for screen readers, labelled cells and the
kind of value they hold. From that one object come the picture (`bar`, `line`,
`choropleth`), its table alternative and its CSV download (`export`). No JavaScript, no
CDN, no browser-side library: the SVG is written by our own templates.

Counts of people shown outside the owning organisation are suppressed here, once, before
anything is laid out (`public=True`), so a bar's length cannot give away what its label hides.
"""

from kansrijk.core.charts.values import Cell, Chart, Kind, cells_from

__all__ = ["Cell", "Chart", "Kind", "cells_from"]
