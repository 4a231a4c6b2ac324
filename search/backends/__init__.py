"""Wagtail search backends with two additions of ours:

- resilience: an index write the backend refuses is logged and queued in
  PendingIndexUpdate; the content write itself always succeeds (search.catchup);
- for Elasticsearch 9 / OpenSearch 3: index settings with the English analyzer and the
  glossary synonyms.
"""
