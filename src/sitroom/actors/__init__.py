"""Finding and resolving actors; person coreference.

``resolve.find_actors`` is the entry point; ``resolve``'s docstring says which module
decides what (``mentions``, ``vessels``, ``people``, ``nouns``, ``bodies``, ``context``,
``coref``), ``scan`` holds the state they share and ``lexicon`` loads the actor lexicons.
"""
