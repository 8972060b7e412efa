"""Finding and resolving actors; person coreference."""
