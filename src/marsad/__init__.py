"""marsad: sourced, dated timelines from Arabic news reports."""

__version__ = "0.1.0"
