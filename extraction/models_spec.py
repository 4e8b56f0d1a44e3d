"""Names and versions of the coder's learned models (see :mod:`.learned`).

A model's version names what it decides and how it is applied; it changes
when a model is retrained for a new purpose or its classes change meaning,
and the coder refuses a model file of another version.
"""

__all__ = ["TRIGGER_MODEL", "MODALITY_MODEL", "ROLE_MODEL", "BUCKETS"]

#: Decides whether a token triggers an event, and its CAMEO root and PLOVER type.
TRIGGER_MODEL = "geopolkg.trigger_model.v1"
#: Decides whether the act a trigger names happened (asserted, intended) or
#: not (negated, conditional, hypothetical, alleged, proposed).
MODALITY_MODEL = "geopolkg.modality_model.v1"
#: Decides which actor named around a trigger is its actor, which its target.
ROLE_MODEL = "geopolkg.role_model.v1"
#: Hash buckets of the models' features.
BUCKETS = 1 << 18
