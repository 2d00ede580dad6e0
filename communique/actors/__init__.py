"""Actors: the knowledge base of countries, offices, outlets and organisations, and
`resolve_actor`, which turns a name or title into a country, sector and role."""

from communique.actors.kb import KnowledgeBase, knowledge_base, normalise
from communique.actors.resolve import Resolution, resolve, resolve_actor

__all__ = ["KnowledgeBase", "Resolution", "knowledge_base", "normalise", "resolve", "resolve_actor"]
