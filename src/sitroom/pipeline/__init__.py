"""Assembling the spaCy pipeline from registered components; loading it once per process."""
