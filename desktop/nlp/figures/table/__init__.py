"""The figures table: readings as a DataFrame (:mod:`.frame`), the figures they imply
(:mod:`.derived`), the editable rows of a session kept in step with its highlights
(:mod:`.rows`, :mod:`.highlights`), and a session's table in one call (:mod:`.session`)."""
