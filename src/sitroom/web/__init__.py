"""The dashboard: a FastAPI application (``create_app``) and the page it serves."""

from sitroom.web.app import create_app

__all__ = ["create_app"]
