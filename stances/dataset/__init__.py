"""The whole curated dataset as versioned JSON: exportdata and importdata.

`export.write_dataset` streams every outlet, article, speaker, election, topic, stance, quote,
tag and quote suggestion to a file; `load.load_dataset` validates such a file and stores it in
one transaction, all or nothing. `schema` says what a file holds; `reading` parses it a record
at a time, so neither direction holds the whole dataset in memory.
"""
