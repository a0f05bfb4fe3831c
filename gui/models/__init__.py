"""Qt models over the core report."""
