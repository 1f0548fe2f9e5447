"""What the views show of an analysis: the filtered statements, their matrix, timeline and documents table."""
