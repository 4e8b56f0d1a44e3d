"""The graph stage: relations between actors computed from stored events.

Each analysis is a small module with one public function:

* :mod:`.stance`: each actor's stance on each issue;
* :mod:`.opposition`: who opposes whom and who aligns with whom;
* :mod:`.network`: networkx graphs of actors for views and exports.
"""

from .network import actor_graph
from .opposition import Relation, alignment, opposition
from .stance import Stance, actor_stances

__all__ = ["actor_graph", "Relation", "alignment", "opposition", "Stance", "actor_stances"]
