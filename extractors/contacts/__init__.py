"""Contacts: people, phones and e-mail addresses given as contacts, from contact blocks
(`blocks`: report headers, clerk blocks, letterheads) and from sentences that ask the reader
to get in touch (`prose`).

May import: other extractors, `extractors.common` and `pipeline.models`.
"""
