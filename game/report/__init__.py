"""Reports for the classroom: transcripts, CSV, charts and a class summary."""
