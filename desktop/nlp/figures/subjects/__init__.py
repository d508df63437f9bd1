"""Subjects: what a figure is of. The subject of each figure read from its parse
(:mod:`.of_figures`), with the word lists it climbs by (:mod:`.words`), the names an
article uses (:mod:`.names`, from its headline and opening in :mod:`.article` and its
body in :mod:`.body`), and the key that groups subjects written differently
(:mod:`.keys`)."""
