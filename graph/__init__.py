"""The graph stage: relations between actors computed from stored events.

Each analysis is a small module with one public function; those that build
graphs take event records or a store (path or KnowledgeStore) and return
networkx graphs whose attributes GraphML and GEXF can hold:

* :mod:`.issues`: the issue catalogue and users' edits (rename, merge, split);
* :mod:`.stance`: each actor's stance on each issue;
* :mod:`.opposition`: who opposes whom and who aligns with whom on an issue;
* :mod:`.network`: the actor network of all relations, for views and exports;
* :mod:`.signed`: the signed actor network of a time window and its
  cooperation and conflict layers;
* :mod:`.balance`: structural balance and camps;
* :mod:`.centrality`: degree, betweenness and PageRank per layer;
* :mod:`.trends`: change over monthly or weekly windows;
* :mod:`.derive`: derived relations written back to RDF.

Examples
--------
>>> import geopolkg.graph as gg                                  # doctest: +SKIP
>>> G = gg.signed_graph("my-store", since="1987-03-01")         # doctest: +SKIP
>>> gg.camps(G).members                                          # doctest: +SKIP
"""

from .balance import Camps, camps, find_camps, frustration, triangle_balance
from .centrality import centrality, layer_centrality
from .derive import derive, derived_relations
from .issues import issue_catalogue, load_events
from .network import actor_graph
from .opposition import Relation, alignment, opposition
from .signed import layer_graph, pairs, signed_graph
from .stance import Stance, actor_stances
from .trends import trends

__all__ = ["actor_graph", "Relation", "alignment", "opposition", "Stance", "actor_stances",
           "issue_catalogue", "load_events", "signed_graph", "layer_graph", "pairs", "Camps", "camps",
           "find_camps", "frustration", "triangle_balance", "centrality", "layer_centrality", "trends",
           "derive", "derived_relations"]
