"""Event coding: CAMEO/PLOVER codebook, verb lexicon, extractor and modality."""
