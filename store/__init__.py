"""The store stage: an Oxigraph database with one named graph per article."""

from .oxigraph import KnowledgeStore, default_store_path, open_store

__all__ = ["KnowledgeStore", "default_store_path", "open_store"]
