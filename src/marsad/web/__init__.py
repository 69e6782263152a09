"""The web interface: a REST API (FastAPI) and an RTL page served from the package."""

from marsad.web.app import create_app

__all__ = ["create_app"]
