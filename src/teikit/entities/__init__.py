"""Named entities, dates and times: the authority file, matchers and normalisers.

Used by the `teikit.passes.entities` pass and the `teikit entities` command.
"""
