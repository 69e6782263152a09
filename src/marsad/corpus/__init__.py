"""Across articles: reprints, stories, merged events, the timeline."""
