"""Human-facing views: terminal tables, the demo job, versions."""
