"""Our own lexicons and code tables, versioned."""
