"""pandas DataFrames of the API's results, with fixed column names and dtypes.

``geopolkg.events(store, as_frame=True)`` (and ``opposition``,
``alignment``, ``pairs``, ``stance``, ``issues``) return the rows of the
plain call as a DataFrame whose columns are always those of :data:`SCHEMAS`,
in that order and with those dtypes, also when there are no rows, so code
written against one store runs on any other:

* text: pandas' ``string`` dtype (missing: ``<NA>``);
* counts and codes that are numbers: ``Int64`` (nullable), Goldstein
  values, weights, scores and confidences: ``float64``; flags: ``boolean``;
* days (an event's date, the first and last day of a relation or issue):
  ``datetime64[ns]`` without a time zone, since a day has none (the date as
  the article gives it, never shifted); a time given with a zone (an
  instant) is converted to UTC, so every value of a column shares one zone;
* lists of event ids or actor codes: ``object`` (Python lists).

Actors are two columns, the code (``actor``) and the name (``actor_name``).
"""

from __future__ import annotations

__all__ = ["SCHEMAS", "to_frame"]

_S, _I, _F, _B, _D, _L = "string", "Int64", "float64", "boolean", "day", "object"

#: Columns and dtypes of each kind of frame.
SCHEMAS: dict[str, dict[str, str]] = {
    "events": {"id": _S, "article": _S, "date": _D, "actor": _S, "actor_name": _S, "target": _S,
               "target_name": _S, "event_code": _S, "event_root": _S, "quad_class": _I, "goldstein": _F,
               "plover_type": _S, "issue_key": _S, "issue": _S, "stance": _I, "confidence": _F, "intent": _B,
               "negated": _B, "sentence": _S, "char_start": _I, "char_end": _I, "trigger": _S,
               "article_title": _S, "article_url": _S},
    "relations": {"kind": _S, "a": _S, "a_name": _S, "b": _S, "b_name": _S, "issue_key": _S, "issue": _S,
                  "weight": _F, "events": _I, "evidence": _L},
    "pairs": {"a": _S, "a_name": _S, "b": _S, "b_name": _S, "weight": _F, "count": _I, "cooperation": _I,
              "conflict": _I, "date_min": _D, "date_max": _D, "evidence": _L},
    "stance": {"actor": _S, "actor_name": _S, "issue_key": _S, "issue": _S, "stance": _S, "score": _F,
               "events": _I, "evidence": _L},
    "issues": {"key": _S, "label": _S, "events": _I, "articles": _I, "actors": _L, "supporters": _L,
               "opponents": _L, "date_min": _D, "date_max": _D},
    "timeline": {"window": _S, "start": _D, "end": _D, "events": _I, "cooperation": _I, "neutral": _I,
                 "conflict": _I, "tone": _F},
}


def _flatten(kind: str, row: dict) -> dict:
    """One result dict as a flat dict of the frame's columns."""
    out = dict(row)
    for role in ("actor", "target", "a", "b"):
        value = row.get(role)
        if isinstance(value, dict):
            out[role] = value.get("code")
            out[f"{role}_name"] = value.get("name")
        elif role in row and value is None:
            out[f"{role}_name"] = None
    if kind in ("relations", "stance") and "events" not in row:
        out["events"] = len(row.get("evidence") or [])
    return out


def _day_column(values, pd):
    """Days as naive datetime64[ns]; instants with a zone in UTC, then naive."""
    days = []
    for v in values:
        if v is None or (isinstance(v, float) and v != v) or v == "":
            days.append(None)
            continue
        text = v.isoformat() if hasattr(v, "isoformat") else str(v)
        if len(text) > 10 and ("+" in text[10:] or text.endswith("Z") or "-" in text[10:]):
            stamp = pd.Timestamp(text)
            days.append(stamp.tz_convert("UTC").tz_localize(None) if stamp.tzinfo else stamp)
        else:
            days.append(pd.Timestamp(text[:10]))
    return pd.Series(days, dtype="datetime64[ns]")


def to_frame(kind: str, rows: list[dict]):
    """Turn API rows into a DataFrame of :data:`SCHEMAS` ``[kind]``.

    Parameters
    ----------
    kind : str
        A key of :data:`SCHEMAS`.
    rows : list of dict
        What the plain API call returns.

    Returns
    -------
    pandas.DataFrame
        Exactly the schema's columns, in order and with its dtypes.

    Examples
    --------
    >>> to_frame("pairs", []).dtypes["weight"]
    dtype('float64')
    """
    import pandas as pd

    schema = SCHEMAS[kind]
    flat = [_flatten(kind, r) for r in rows]
    columns = {}
    for name, dtype in schema.items():
        values = [r.get(name) for r in flat]
        if dtype == _D:
            columns[name] = _day_column(values, pd)
        elif dtype == _L:
            columns[name] = pd.Series([list(v) if v is not None else [] for v in values], dtype=object)
        elif dtype == _B:
            columns[name] = pd.Series([None if v is None else bool(v) for v in values], dtype="boolean")
        elif dtype == _I:
            columns[name] = pd.Series([None if v is None else int(v) for v in values], dtype="Int64")
        elif dtype == _F:
            columns[name] = pd.Series([float("nan") if v is None else float(v) for v in values], dtype="float64")
        else:
            columns[name] = pd.Series([None if v is None else str(v) for v in values], dtype=pd.StringDtype())
    return pd.DataFrame(columns, columns=list(schema))
