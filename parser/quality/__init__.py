"""The corpus quality figures of issues 8 and 9, read from undoc's JSON and XML outputs (``bench/corpus_quality.py``)."""
