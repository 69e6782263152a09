"""Per-article extractors: entities, quotes, quantities, event mentions."""
