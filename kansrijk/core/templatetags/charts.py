"""`{% bar_chart chart %}`, `{% line_chart chart %}`, `{% choropleth chart shapes %}`: a
chart's figure (SVG with title and description), its table alternative and CSV link."""

from __future__ import annotations

from typing import Any

from django import template

from kansrijk.core.charts import layout
from kansrijk.core.charts.geo import MapShapes
from kansrijk.core.charts.values import Chart

register = template.Library()


@register.inclusion_tag("charts/bar.html")
def bar_chart(chart: Chart) -> dict[str, Any]:
    return {"chart": chart, "layout": layout.bars(chart)}


@register.inclusion_tag("charts/line.html")
def line_chart(chart: Chart) -> dict[str, Any]:
    return {"chart": chart, "layout": layout.lines(chart)}


@register.inclusion_tag("charts/choropleth.html")
def choropleth(chart: Chart, shapes: MapShapes, table_open: bool = False) -> dict[str, Any]:
    return {"chart": chart, "layout": layout.choropleth(chart, shapes), "table_open": table_open}
