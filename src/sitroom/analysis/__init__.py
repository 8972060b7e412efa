"""Analyses over the store: dyad series, escalation signal, actor network, brief."""
