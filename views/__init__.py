"""The views stage: the actor network drawn for people.

* :mod:`.select`: what a view draws (issue, actor and hops, days, weight,
  kind, size cap);
* :mod:`.overview`: the overview (actors in camps, signed relations) and the
  issue view (supporters, undecided, opponents);
* :mod:`.layout`: positions computed before the page opens, level by level;
* :mod:`.timeline`: events per week or month, with their tone;
* :mod:`.twomode`: the two-mode graph of actors and events;
* :mod:`.html`: the interactive, self-contained HTML page;
* :mod:`.snapshot`: PNG and SVG pictures for reports;
* :mod:`.notebook`: display in Jupyter.
"""

from .html import render_html, write_html
from .notebook import GraphView, show
from .overview import issue_graph, overview_graph
from .select import Selected, select_graph
from .snapshot import write_image
from .timeline import Timeline, timeline
from .twomode import event_graph

__all__ = ["render_html", "write_html", "GraphView", "show", "Selected", "select_graph", "write_image",
           "event_graph", "overview_graph", "issue_graph", "Timeline", "timeline"]
